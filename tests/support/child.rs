//! Runs a child process to its end with its output drained as it comes, under a hang guard.
//!
//! Polling `try_wait` alone would leave stdout and stderr in their pipes: a child that writes
//! more than a pipe holds (64 KiB on Linux) then blocks on the write, never exits, and the
//! test reports a hang. Here one thread per stream reads it to the end while the child runs.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a finished child left.
pub struct Finished {
    /// The exit code, or -1 when a signal ended it.
    pub status: i32,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: Vec<u8>,
}

/// Spawns `command` with piped stdout and stderr (and stdin fed with `input`, if any), reads
/// both streams while it runs, and waits for it; panics naming `what` past `guard`.
pub fn run(mut command: Command, input: Option<Vec<u8>>, guard: Duration, what: &str) -> Finished {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    command.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = command.spawn().expect("spawn the child");
    let writer = input.and_then(|bytes| {
        let mut stdin = child.stdin.take()?;
        // The child may stop reading early only by exiting; a broken pipe is its answer.
        Some(std::thread::spawn(move || drop(stdin.write_all(&bytes))))
    });
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = wait(&mut child, guard, what);
    if let Some(writer) = writer {
        writer.join().expect("the stdin writer");
    }
    Finished {
        status,
        stdout: stdout.join().expect("the stdout reader"),
        stderr: stderr.join().expect("the stderr reader"),
    }
}

/// A thread that reads `stream` to its end.
fn drain(stream: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut stream) = stream {
            let _ = stream.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Waits for the child; kills it and panics past `guard`, which only a hang reaches.
fn wait(child: &mut Child, guard: Duration, what: &str) -> i32 {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            return status.code().unwrap_or(-1);
        }
        if started.elapsed() > guard {
            let _ = child.kill();
            panic!("{what} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
