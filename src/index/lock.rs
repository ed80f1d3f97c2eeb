//! The ingest lock: one writer per index folder. A second ingest on the same folder stops with a
//! clear message; a lock left by an ingest that was killed (its process is gone) is cleared.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::IndexError;

/// The lock file inside an index folder.
pub const LOCK_FILE: &str = ".ingest.lock";

/// Held while an ingest writes; the lock file goes when this is dropped.
#[derive(Debug)]
pub struct IngestLock {
    path: PathBuf,
}

impl IngestLock {
    /// Takes the lock of the index folder `dir` (created if missing).
    pub fn acquire(dir: &Path) -> Result<IngestLock, IndexError> {
        let io_err = |source| IndexError::Write {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io_err)?;
        let path = dir.join(LOCK_FILE);
        // Twice at most: once more after clearing a stale lock.
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    writeln!(file, "{}", std::process::id()).map_err(io_err)?;
                    return Ok(IngestLock { path });
                }
                Err(err) if err.kind() == ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(&path)
                        .ok()
                        .and_then(|text| text.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid) if alive(pid) => {
                            return Err(IndexError::Locked {
                                path: dir.to_path_buf(),
                                pid,
                            })
                        }
                        // The ingest that held it is gone (killed, or the machine restarted).
                        _ => {
                            let _ = fs::remove_file(&path);
                        }
                    }
                }
                Err(err) => return Err(io_err(err)),
            }
        }
        Err(IndexError::Locked {
            path: dir.to_path_buf(),
            pid: 0,
        })
    }
}

impl Drop for IngestLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether process `pid` is running. Where that cannot be known, it is taken to be running.
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ingest_at_a_time_and_stale_locks_clear() {
        let dir = tempfile::tempdir().unwrap();
        let first = IngestLock::acquire(dir.path()).unwrap();
        let err = IngestLock::acquire(dir.path()).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("process {}", std::process::id())),
            "{err}"
        );
        drop(first);
        assert!(!dir.path().join(LOCK_FILE).exists());
        // A lock of a process that no longer runs (pid far beyond any running one).
        fs::write(dir.path().join(LOCK_FILE), "4194303\n").unwrap();
        let _again = IngestLock::acquire(dir.path()).unwrap();
    }
}
