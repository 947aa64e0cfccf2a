//! Votes under sustained contention and across a crash, over real sockets.
//!
//! The other concurrency tests fire one burst; these check the guarantees a widget relies on
//! when traffic does not stop: a long storm of votes and withdrawals by many visitors on a few
//! ideas keeps every count equal to its rows and every visitor's `voted` equal to the last
//! answer they got, and a server killed with SIGKILL in the middle of a load still has, once
//! restarted on the same data, every vote it acknowledged.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Child;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kindred_api::{Idea, Page, VoteState, VISITOR_HEADER};
use kindred_server::seed::BOARDS;
use kindred_server::Store;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::common::{
    on_both_backends, visitor, Backend, RunningServer, TestApp, TestDatabase, DRIFT, OPEN_BOARD,
};

/// Visitors voting at once in the storm.
const STORM_VISITORS: u32 = 50;
/// Requests each storm visitor sends, one after another.
const STORM_REQUESTS: usize = 200;
/// Ideas the storm is spread over: few, so every idea's row is contended all the time.
const STORM_IDEAS: usize = 3;

/// Concurrent clients of the crash load, each with at most one request in flight.
const CRASH_WORKERS: u32 = 24;
/// Distinct visitors each crash worker may use; keeps `visitor(n)` a valid UUID.
const VISITORS_PER_WORKER: u32 = 2_000;
/// Acknowledged votes after which the server is killed.
const KILL_AFTER: usize = 500;

/// Counts (idea, voter) pairs stored more than once; the schema's unique key keeps it 0.
const DUPLICATE_PAIRS: &str = "SELECT COUNT(*) FROM (SELECT idea_id, voter FROM votes
                               GROUP BY idea_id, voter HAVING COUNT(*) > 1) AS duplicates";

/// A small deterministic generator (SplitMix64), so every run sends the same sequences
/// without an RNG crate.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// Answers one column of text for `sql`, on either backend.
async fn texts(store: &Store, sql: &str) -> Vec<String> {
    match store {
        Store::Sqlite(db) => sqlx::query_scalar(sql).fetch_all(&db.reads).await,
        Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Answers one integer for `sql`, on either backend.
async fn scalar(store: &Store, sql: &str) -> i64 {
    match store {
        Store::Sqlite(db) => sqlx::query_scalar(sql).fetch_one(&db.reads).await,
        Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The stored voter key of `visitor(n)`.
fn voter_key(n: u32) -> String {
    format!("visitor:{}", visitor(n))
}

/// What one storm visitor saw: every status in order, and the last acknowledged action on
/// each idea (`None` when none was acknowledged).
struct StormLog {
    visitor: u32,
    statuses: Vec<u16>,
    last_acknowledged: [Option<bool>; STORM_IDEAS],
}

/// One visitor's storm: `STORM_REQUESTS` votes and withdrawals, one at a time, on ideas
/// picked by a generator seeded with the visitor's number. Mostly each request flips the
/// visitor's support for the idea; one in eight repeats it, so idempotent repeats race with
/// other visitors' changes too.
async fn storm_visitor(
    client: reqwest::Client,
    base: String,
    ideas: [String; STORM_IDEAS],
    n: u32,
) -> StormLog {
    let header = visitor(n);
    let mut generator = SplitMix(u64::from(n));
    let mut log = StormLog {
        visitor: n,
        statuses: Vec::with_capacity(STORM_REQUESTS),
        last_acknowledged: [None; STORM_IDEAS],
    };
    for _ in 0..STORM_REQUESTS {
        let index = generator.below(STORM_IDEAS);
        let supported = log.last_acknowledged[index].unwrap_or(false);
        let cast = if generator.below(8) == 0 {
            supported
        } else {
            !supported
        };
        let url = format!("{base}/v1/ideas/{}/vote", ideas[index]);
        let request = if cast {
            client.put(url)
        } else {
            client.delete(url)
        };
        let response = request
            .header(VISITOR_HEADER, &header)
            .send()
            .await
            .unwrap_or_else(|e| panic!("visitor {n}: request failed: {e}"));
        let status = response.status();
        log.statuses.push(status.as_u16());
        if !status.is_success() {
            continue;
        }
        let state: VoteState = response.json().await.unwrap();
        assert_eq!(state.idea_id.0, ideas[index], "visitor {n}");
        assert_eq!(state.voted, cast, "visitor {n} on idea {}", ideas[index]);
        assert!(
            state.vote_count <= STORM_VISITORS && (!cast || state.vote_count >= 1),
            "visitor {n}: count {} after voted={cast}",
            state.vote_count
        );
        log.last_acknowledged[index] = Some(cast);
    }
    log
}

async fn a_toggle_storm_keeps_counts_and_states_exact(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let ideas: [String; STORM_IDEAS] = [
        app.create_idea(OPEN_BOARD, "Wider toe box", &visitor(0))
            .await,
        app.create_idea(OPEN_BOARD, "Recycled laces", &visitor(0))
            .await,
        app.create_idea(OPEN_BOARD, "Trail maps in the box", &visitor(0))
            .await,
    ];
    let server = RunningServer::start(app.state.clone()).await;
    // One kept-alive connection per visitor, so the storm measures the server rather than
    // connection set-up; the timeout turns a stuck request into a failure, not a hang.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(STORM_VISITORS as usize)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();

    let mut tasks = JoinSet::new();
    for n in 1..=STORM_VISITORS {
        tasks.spawn(storm_visitor(
            client.clone(),
            server.base.clone(),
            ideas.clone(),
            n,
        ));
    }
    let logs = tasks.join_all().await;

    // Every request got an answer, and every answer was a success: no 5xx from lock waits,
    // busy databases or exhausted pools, and no 4xx either.
    let mut statuses = BTreeMap::<u16, usize>::new();
    for status in logs.iter().flat_map(|log| &log.statuses) {
        *statuses.entry(*status).or_default() += 1;
    }
    let total = STORM_VISITORS as usize * STORM_REQUESTS;
    assert_eq!(
        statuses,
        BTreeMap::from([(200, total)]),
        "statuses: {statuses:?}"
    );

    let store = &app.state.store;
    assert_eq!(app.scalar(DRIFT).await, 0);
    assert_eq!(app.scalar(DUPLICATE_PAIRS).await, 0);
    for (index, idea) in ideas.iter().enumerate() {
        let expected: BTreeSet<String> = logs
            .iter()
            .filter(|log| log.last_acknowledged[index] == Some(true))
            .map(|log| voter_key(log.visitor))
            .collect();
        // Each visitor ends on a decided state for each idea: 200 picks over 3 ideas.
        assert!(logs
            .iter()
            .all(|log| log.last_acknowledged[index].is_some()));

        let id: i64 = idea.parse().unwrap();
        let rows = texts(
            store,
            &format!("SELECT voter FROM votes WHERE idea_id = {id}"),
        )
        .await;
        assert_eq!(rows.len(), expected.len(), "idea {idea}: duplicate rows");
        let stored: BTreeSet<String> = rows.into_iter().collect();
        assert_eq!(stored, expected, "idea {idea}: stored voters");
        let vote_count = app
            .scalar(&format!("SELECT vote_count FROM ideas WHERE id = {id}"))
            .await;
        assert_eq!(vote_count, expected.len() as i64, "idea {idea}: vote_count");

        // What each visitor reads back agrees with the last answer they got.
        for log in &logs {
            let detail: Idea = client
                .get(format!("{}/v1/ideas/{idea}", server.base))
                .header(VISITOR_HEADER, visitor(log.visitor))
                .send()
                .await
                .unwrap()
                .error_for_status()
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(
                Some(detail.voted),
                log.last_acknowledged[index],
                "visitor {} on idea {idea}",
                log.visitor
            );
            assert_eq!(detail.vote_count as usize, expected.len(), "idea {idea}");
        }
    }
    server.stop().await;
}

/// Starts the binary with the demo seed on `database` (or SQLite in `data_dir`). Write limits
/// are off: the load comes from one address at a rate no real client reaches.
fn launch(data_dir: &Path, database: Option<&str>) -> (Child, String) {
    crate::binary::start(
        data_dir,
        database,
        &["--write-rate-per-ip", "0", "--write-rate-per-identity", "0"],
    )
}

/// The demo's ideas, with their counts, as an anonymous reader sees them.
async fn demo_counts(client: &reqwest::Client, base: &str) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for board in BOARDS {
        let page: Page<Idea> = client
            .get(format!("{base}/v1/boards/{board}/ideas?limit=100"))
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(page.next_cursor.is_none(), "board {board} has more pages");
        counts.extend(page.items.into_iter().map(|i| (i.id.0, i.vote_count)));
    }
    counts
}

/// How one crash worker ended: the requests it saw acknowledged, or why it failed.
type WorkerOutcome = Result<usize, String>;

/// Casts one vote per fresh visitor until a request fails. A failure is expected only once
/// `killed` is set; a non-2xx answer or an earlier failure is reported.
async fn crash_worker(
    client: reqwest::Client,
    base: String,
    ideas: Arc<Vec<String>>,
    worker: u32,
    acknowledged: Arc<Mutex<Vec<(String, u32)>>>,
    killed: Arc<AtomicBool>,
    reached: Arc<Notify>,
) -> WorkerOutcome {
    for i in 0..VISITORS_PER_WORKER {
        let n = 1 + worker * VISITORS_PER_WORKER + i;
        let idea = &ideas[(n as usize * 7) % ideas.len()];
        let sent = client
            .put(format!("{base}/v1/ideas/{idea}/vote"))
            .header(VISITOR_HEADER, visitor(n))
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(_) if killed.load(Ordering::SeqCst) => return Ok(i as usize),
            Err(e) => return Err(format!("worker {worker}: {e} before the kill")),
        };
        if !response.status().is_success() {
            return Err(format!("worker {worker}: status {}", response.status()));
        }
        // The status is the acknowledgement: the server commits before it answers.
        {
            let mut acknowledged = acknowledged.lock().unwrap();
            acknowledged.push((idea.clone(), n));
            if acknowledged.len() == KILL_AFTER {
                reached.notify_one();
            }
        }
        // The body may be cut off by the kill; when it arrives it must confirm the vote.
        if let Ok(state) = response.json::<VoteState>().await {
            if !state.voted || state.idea_id.0 != *idea || state.vote_count == 0 {
                return Err(format!("worker {worker}: wrong answer {state:?}"));
            }
        }
    }
    Err(format!(
        "worker {worker} ran out of visitors before the kill"
    ))
}

async fn acknowledged_votes_survive_a_sigkill(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let data_dir = database.data_dir();
    let url = database.postgres_url();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CRASH_WORKERS as usize)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();

    let (child, base) = launch(&data_dir, url);
    let seeded = demo_counts(&client, &base).await;
    assert_eq!(seeded.len(), 30);
    let ideas = Arc::new(seeded.keys().cloned().collect::<Vec<_>>());

    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let killed = Arc::new(AtomicBool::new(false));
    let reached = Arc::new(Notify::new());
    let mut workers = JoinSet::new();
    for worker in 0..CRASH_WORKERS {
        workers.spawn(crash_worker(
            client.clone(),
            base.clone(),
            ideas.clone(),
            worker,
            acknowledged.clone(),
            killed.clone(),
            reached.clone(),
        ));
    }
    let on_time = tokio::time::timeout(Duration::from_secs(60), reached.notified()).await;
    // Set before the kill, so every failure it causes is recognised as its own.
    killed.store(true, Ordering::SeqCst);
    kill(child);
    let outcomes = workers.join_all().await;
    let failures: Vec<&String> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
    assert!(failures.is_empty(), "{failures:?}");
    assert!(
        on_time.is_ok(),
        "{KILL_AFTER} votes not acknowledged in 60 s"
    );

    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(acknowledged.len() >= KILL_AFTER);
    let distinct: BTreeSet<u32> = acknowledged.iter().map(|(_, n)| *n).collect();
    assert_eq!(distinct.len(), acknowledged.len(), "one vote per visitor");

    // The same data, the same flags: the demo is not seeded again over the surviving data.
    let (child, base) = launch(&data_dir, url);
    let counts = demo_counts(&client, &base).await;
    assert_eq!(
        counts.keys().collect::<Vec<_>>(),
        seeded.keys().collect::<Vec<_>>()
    );

    // Every acknowledged vote is there for its visitor.
    let mut checks = JoinSet::new();
    for chunk in acknowledged.chunks(acknowledged.len().div_ceil(16)) {
        let (client, base, chunk) = (client.clone(), base.clone(), chunk.to_vec());
        checks.spawn(async move {
            let mut lost = Vec::new();
            for (idea, n) in chunk {
                let detail: Idea = client
                    .get(format!("{base}/v1/ideas/{idea}"))
                    .header(VISITOR_HEADER, visitor(n))
                    .send()
                    .await
                    .unwrap()
                    .error_for_status()
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                if !detail.voted {
                    lost.push((idea, n));
                }
            }
            lost
        });
    }
    let lost: Vec<(String, u32)> = checks.join_all().await.concat();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged votes lost: {lost:?}",
        lost.len(),
        acknowledged.len()
    );
    // Killed again rather than stopped: the store opened next must cope with a crashed
    // writer's leftovers (an unmerged SQLite log, dropped PostgreSQL sessions) just the same.
    kill(child);

    // The rows agree: counts equal rows, every acknowledged vote is a row, and at most the
    // requests in flight at the kill (one per worker) landed without an answer.
    let store = Store::open(&database.config()).await.unwrap();
    assert_eq!(scalar(&store, DRIFT).await, 0);
    assert_eq!(scalar(&store, DUPLICATE_PAIRS).await, 0);
    for (idea, count) in &counts {
        let rows = scalar(
            &store,
            &format!("SELECT COUNT(*) FROM votes WHERE idea_id = {idea}"),
        )
        .await;
        assert_eq!(rows, i64::from(*count), "idea {idea}");
    }
    let stored: BTreeSet<String> = texts(
        &store,
        "SELECT CAST(idea_id AS TEXT) || ' ' || voter FROM votes WHERE voter LIKE 'visitor:5eed%'",
    )
    .await
    .into_iter()
    .collect();
    let expected: BTreeSet<String> = acknowledged
        .iter()
        .map(|(idea, n)| format!("{idea} {}", voter_key(*n)))
        .collect();
    let missing: Vec<&String> = expected.difference(&stored).collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    let unacknowledged = stored.len() - expected.len();
    assert!(
        unacknowledged <= CRASH_WORKERS as usize,
        "{unacknowledged} votes stored that were never sent or answered"
    );
    store.close().await;
}

/// Kills the binary at once: SIGKILL on Unix, so it gets no chance to shut down, flush or
/// roll back anything.
fn kill(mut child: Child) {
    child.kill().unwrap();
    child.wait().unwrap();
}

on_both_backends!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    a_toggle_storm_keeps_counts_and_states_exact,
    acknowledged_votes_survive_a_sigkill,
);
