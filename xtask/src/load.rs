//! A small closed-loop HTTP/1.1 load generator.
//!
//! A fixed number of keep-alive connections, one thread each, send their share of a fixed
//! number of requests back to back and time every one. Fixed counts rather than fixed
//! durations make runs comparable; per-request latencies give exact percentiles.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::Result;

/// One request to send: no body, a method, a path and extra headers.
pub struct Request {
    /// `GET`, `PUT`, …
    pub method: &'static str,
    /// Path and query.
    pub path: String,
    /// Extra headers, such as the visitor id.
    pub headers: Vec<(&'static str, String)>,
}

/// What a run measured.
pub struct Outcome {
    /// Requests answered.
    pub requests: usize,
    /// Wall time from the first request to the last answer.
    pub elapsed: Duration,
    /// Every request's latency, sorted.
    pub latencies: Vec<Duration>,
    /// How many answers had each status.
    pub statuses: BTreeMap<u16, usize>,
}

impl Outcome {
    /// Answered requests per second.
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency below which `fraction` of the requests finished.
    pub fn percentile(&self, fraction: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let rank = (fraction * self.latencies.len() as f64).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1]
    }

    /// Answers outside 2xx.
    pub fn failures(&self) -> usize {
        self.statuses
            .iter()
            .filter(|(status, _)| !(200..300).contains(*status))
            .map(|(_, count)| count)
            .sum()
    }
}

/// Sends `total` requests over `connections` connections to `addr`; request `i` is `make(i)`.
pub fn run(
    addr: SocketAddr,
    connections: usize,
    total: usize,
    make: &(dyn Fn(usize) -> Request + Sync),
) -> Result<Outcome> {
    let started = Instant::now();
    let results: Vec<Result<Vec<(Duration, u16)>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..connections)
            .map(|worker| {
                scope.spawn(move || {
                    let mine = (worker..total).step_by(connections);
                    drive(addr, mine.map(make), |_| {})
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a load thread panicked".into()))
            })
            .collect()
    });
    let elapsed = started.elapsed();
    let mut latencies = Vec::with_capacity(total);
    let mut statuses = BTreeMap::new();
    for result in results {
        for (latency, status) in result? {
            latencies.push(latency);
            *statuses.entry(status).or_insert(0) += 1;
        }
    }
    latencies.sort();
    Ok(Outcome {
        requests: latencies.len(),
        elapsed,
        latencies,
        statuses,
    })
}

/// Sends `requests` one after another on one keep-alive connection, handing each body to
/// `body`.
fn drive(
    addr: SocketAddr,
    requests: impl Iterator<Item = Request>,
    mut body: impl FnMut(&[u8]),
) -> Result<Vec<(Duration, u16)>> {
    let io = |e: std::io::Error| format!("load connection to {addr}: {e}");
    let stream = TcpStream::connect(addr).map_err(io)?;
    stream.set_nodelay(true).map_err(io)?;
    let mut writer = stream.try_clone().map_err(io)?;
    let mut reader = BufReader::new(stream);
    let mut measured = Vec::new();
    let mut line = String::new();
    for request in requests {
        let mut text = format!(
            "{} {} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\n",
            request.method, request.path
        );
        for (name, value) in &request.headers {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
        text.push_str("\r\n");
        let sent = Instant::now();
        writer.write_all(text.as_bytes()).map_err(io)?;

        line.clear();
        reader.read_line(&mut line).map_err(io)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("not an HTTP response: {line:?}"))?;
        let mut length = 0;
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(io)?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().map_err(|_| "bad content-length")?;
                }
            }
        }
        let mut content = vec![0; length];
        reader.read_exact(&mut content).map_err(io)?;
        measured.push((sent.elapsed(), status));
        body(&content);
    }
    Ok(measured)
}

/// Sends one GET and returns the body as text.
pub fn fetch(addr: SocketAddr, path: &str) -> Result<String> {
    let request = Request {
        method: "GET",
        path: path.to_owned(),
        headers: Vec::new(),
    };
    let mut bodies = Vec::new();
    drive(addr, std::iter::once(request), |body| {
        bodies.push(body.to_vec())
    })?;
    Ok(String::from_utf8_lossy(&bodies.concat()).into_owned())
}

/// A well-formed UUID v4 made from `n`, so each load request can act as a distinct visitor.
pub fn visitor(n: usize) -> String {
    let n = n as u64;
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (n >> 32) as u32,
        (n >> 16) & 0xffff,
        n & 0xfff,
        (n >> 12) & 0xfff,
        n
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(ms: &[u64]) -> Outcome {
        Outcome {
            requests: ms.len(),
            elapsed: Duration::from_secs(2),
            latencies: ms.iter().map(|m| Duration::from_millis(*m)).collect(),
            statuses: BTreeMap::from([(200, ms.len() - 1), (429, 1)]),
        }
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let o = outcome(&(1..=100).collect::<Vec<_>>());
        assert_eq!(o.percentile(0.5), Duration::from_millis(50));
        assert_eq!(o.percentile(0.99), Duration::from_millis(99));
        assert_eq!(o.percentile(1.0), Duration::from_millis(100));
        assert_eq!(o.rate(), 50.0);
        assert_eq!(o.failures(), 1);
    }

    #[test]
    fn visitors_are_distinct_uuid_v4() {
        let a = visitor(1);
        let b = visitor(70_000);
        assert_ne!(a, b);
        for id in [a, b] {
            assert_eq!(id.len(), 36);
            assert_eq!(&id[14..15], "4");
            assert_eq!(&id[19..20], "8");
        }
    }
}
