//! `cargo xtask demo`: the demo brand page, the widget, the console and the API on one local
//! origin. Unless `KINDRED_ADMIN_KEY` is set, the console's admin key is a fresh random one,
//! printed with its address.

use std::process::Command;

use crate::{cmd, dist, Result};

/// Builds everything and replaces this process with the reference server.
pub fn run(args: &[String]) -> Result {
    let port = parse_port(args)?;
    let dist = dist::run()?;
    cmd::run(cmd::cargo().args(["build", "--release", "--package", "kindred-server"]))?;

    let root = crate::root();
    let mut server = Command::new(root.join("target/release/kindred-server"));
    server.arg("--assets").arg(&dist.dir).arg("--seed-demo");
    let bind = match port {
        Some(port) => Some(format!("127.0.0.1:{port}")),
        None if std::env::var_os("KINDRED_BIND").is_none() => Some("127.0.0.1:8080".into()),
        None => None,
    };
    if let Some(bind) = &bind {
        server.args(["--bind", bind]);
    }
    if std::env::var_os("KINDRED_DATA_DIR").is_none() {
        server.arg("--data-dir").arg(root.join(".kindred/demo"));
    }
    let key = match std::env::var("KINDRED_ADMIN_KEY") {
        Ok(key) if !key.is_empty() => "the value of KINDRED_ADMIN_KEY".to_owned(),
        _ => {
            let key = random_key()?;
            server.args(["--admin-key", &key]);
            key
        }
    };
    let shown = bind
        .or_else(|| std::env::var("KINDRED_BIND").ok())
        .unwrap_or_default();
    println!("\nKindred demo: http://{shown}/  (Ctrl-C stops it)");
    println!("Console:      http://{shown}/console/  (admin key: {key})\n");
    exec(server)
}

/// A fresh admin key: 16 random bytes from the system, in hexadecimal.
fn random_key() -> Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read /dev/urandom for an admin key: {e}"))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

fn parse_port(args: &[String]) -> Result<Option<u16>> {
    match args {
        [] => Ok(None),
        [flag, port] if flag == "--port" => port
            .parse()
            .map(Some)
            .map_err(|_| format!("--port needs a number from 1 to 65535, not `{port}`")),
        _ => Err("usage: cargo xtask demo [--port N]".into()),
    }
}

/// Hands the terminal to the server, so Ctrl-C reaches it and it shuts down cleanly.
#[cfg(unix)]
fn exec(mut server: Command) -> Result {
    use std::os::unix::process::CommandExt;
    Err(format!("could not start the server: {}", server.exec()))
}

#[cfg(not(unix))]
fn exec(mut server: Command) -> Result {
    cmd::run(&mut server)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn port_flag_is_optional_and_checked() {
        assert_eq!(parse_port(&[]), Ok(None));
        assert_eq!(parse_port(&args(&["--port", "9000"])), Ok(Some(9000)));
        assert!(parse_port(&args(&["--port", "eighty"])).is_err());
        assert!(parse_port(&args(&["--port", "70000"])).is_err());
        assert!(parse_port(&args(&["--verbose"])).is_err());
    }
}
