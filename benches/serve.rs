//! The workbench under load: `horizon serve`'s router on loopback over the laws and the papers of
//! ../shared/corpora (91.6 MB), 32 clients at once, each on its own keep-alive connection asking
//! search pages (172 queries of every kind, in turn) as fast as answers come; p50, p99 and the
//! slowest answer, and answers per second. A load generator of its own, in the style of oha, so
//! that the benchmark needs nothing installed.
//!
//!     cargo build --release && cargo bench --bench serve
//!
//! Before the measured run each client asks every query once, so the word list and the index's
//! files are loaded; the measured run is the steady state an analyst's browser meets.

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

fn main() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let Some(index) = corpora::laws_and_papers_index(scratch.path(), "serve") else {
        return;
    };

    let (ready, bound) = std::sync::mpsc::channel();
    let dir = index.clone();
    std::thread::spawn(move || {
        horizon::serve::run(dir, "127.0.0.1:0".parse().unwrap(), |addr| {
            ready.send(addr).unwrap();
        })
        .expect("the server runs");
    });
    let addr = bound.recv().expect("the server listens");
    let paths: Vec<String> = queries::texts()
        .into_iter()
        .map(|q| {
            format!(
                "/search?{}",
                serde_urlencoded::to_string([("q", q)]).unwrap()
            )
        })
        .collect();

    let run = |requests: usize| -> (Vec<Duration>, Duration) {
        let started = Instant::now();
        let clients: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let paths = paths.clone();
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
    };
    run(paths.len());
    let (latencies, took) = run(REQUESTS);
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:<22} {:>8} {:>8} {:>10} {:>10} {:>10} {:>10}",
        "search pages", "clients", "answers", "p50", "p99", "slowest", "answers/s"
    );
    println!(
        "{:<22} {:>8} {:>8} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>10.0}",
        "laws + papers",
        CLIENTS,
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(*latencies.last().unwrap()),
        latencies.len() as f64 / took.as_secs_f64()
    );
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
