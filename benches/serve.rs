//! The workbench under load: `horizon serve`'s router on loopback over the laws and the papers of
//! ../shared/corpora (91.6 MB), 32 clients at once, each on its own keep-alive connection asking
//! search pages (172 queries of every kind, in turn) as fast as answers come; p50, p99 and the
//! slowest answer, and answers per second. A load generator of its own, in the style of oha, so
//! that the benchmark needs nothing installed.
//!
//!     cargo build --release && cargo bench --bench serve
//!
//! Two servers: one without the answer cache (`--cache-mb 0`), so that every answer is a search,
//! and one with the default cache. Before each measured run every client asks every query once, so
//! the index's files are loaded (and, with the cache, every page is kept); then the table pages,
//! the first visit and the next.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

#[path = "common/corpora.rs"]
mod corpora;
#[path = "common/queries.rs"]
mod queries;

const CLIENTS: usize = 32;
/// Requests per client in the measured run.
const REQUESTS: usize = 400;

/// The answer cache of `horizon serve`'s default (`--cache-mb 64`).
const CACHE_BYTES: usize = 64 * 1024 * 1024;

fn main() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let Some(index) = corpora::laws_and_papers_index(scratch.path(), "serve") else {
        return;
    };
    let paths: Vec<String> = queries::texts()
        .into_iter()
        .map(|q| {
            format!(
                "/search?{}",
                serde_urlencoded::to_string([("q", q)]).unwrap()
            )
        })
        .collect();
    println!(
        "{:<26} {:>8} {:>8} {:>10} {:>10} {:>10} {:>10}",
        "search pages", "clients", "answers", "p50", "p99", "slowest", "answers/s"
    );
    // Without the cache every answer is a search; with it, the queries asked in the warm-up are
    // answered from memory, as for an analyst paging back or a link opened by a colleague.
    for (name, cache_bytes) in [
        ("every answer searched", 0),
        ("answers cached", CACHE_BYTES),
    ] {
        let addr = start(&index, cache_bytes);
        run(addr, &paths, paths.len());
        let (latencies, took) = run(addr, &paths, REQUESTS);
        let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
        println!(
            "{:<26} {:>8} {:>8} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>10.0}",
            name,
            CLIENTS,
            latencies.len(),
            ms(at(0.5)),
            ms(at(0.99)),
            ms(*latencies.last().unwrap()),
            latencies.len() as f64 / took.as_secs_f64()
        );
    }
    // The table pages read every passage's mentions: the first visit pays, the next is a lookup.
    let addr = start(&index, CACHE_BYTES);
    println!("\n{:<26} {:>10} {:>10}", "table page", "first", "again");
    for path in [
        "/signals",
        "/themes",
        "/compare",
        "/signal/digitale-dreigingen",
    ] {
        let mut connection = Connection::open(addr);
        let timed = |connection: &mut Connection| {
            let asked = Instant::now();
            let status = connection.get(path);
            assert!(status == 200 || status == 404, "{path}: {status}");
            asked.elapsed()
        };
        let first = timed(&mut connection);
        let again = timed(&mut connection);
        println!("{:<26} {:>8.2}ms {:>8.2}ms", path, ms(first), ms(again));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A server over `index` on a free loopback port, in this process.
fn start(index: &std::path::Path, cache_bytes: usize) -> SocketAddr {
    let (ready, bound) = std::sync::mpsc::channel();
    let config = horizon::cli::ServeConfig {
        index: index.to_path_buf(),
        addr: "127.0.0.1:0".parse().unwrap(),
        cache_bytes,
        watch: None,
    };
    std::thread::spawn(move || {
        horizon::serve::run(&config, |addr| {
            ready.send(addr).unwrap();
        })
        .expect("the server runs");
    });
    bound.recv().expect("the server listens")
}

/// `requests` pages per client, all clients at once; every answer's time, sorted, and the wall time.
fn run(addr: SocketAddr, paths: &[String], requests: usize) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let paths = paths.to_vec();
            std::thread::spawn(move || {
                let mut connection = Connection::open(addr);
                (0..requests)
                    .map(|i| {
                        let path = &paths[(client * 7 + i) % paths.len()];
                        let asked = Instant::now();
                        let status = connection.get(path);
                        assert!(status == 200 || status == 400, "{path}: {status}");
                        asked.elapsed()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    all.sort();
    (all, started.elapsed())
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    fn open(addr: SocketAddr) -> Connection {
        let stream = TcpStream::connect(addr).expect("the server accepts");
        stream.set_nodelay(true).unwrap();
        Connection {
            reader: BufReader::new(stream),
        }
    }

    /// GET `path`; the status, with the body read to its end.
    fn get(&mut self, path: &str) -> u16 {
        write!(
            self.reader.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        let status = line[9..12].parse().unwrap();
        let mut length = 0;
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).unwrap();
        status
    }
}
