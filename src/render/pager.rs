//! Long output through a pager when stdout is a terminal, as git, gh and bat
//! do: `CLAIMS_PAGER`, else `PAGER`, else `less` with `LESS=FRX` (so output
//! that fits one screen prints directly and colour passes through). An empty
//! value or `cat` means no pager; so do `--no-pager` and a pipe.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// The pager command to run, if output should be paged.
pub fn choose(no_pager: bool) -> Option<String> {
    // The pager runs through `sh`.
    if no_pager || !cfg!(unix) || !io::stdout().is_terminal() {
        return None;
    }
    // A dumb terminal cannot run less; such terminals (editors' shells) scroll themselves.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return None;
    }
    let chosen = ["CLAIMS_PAGER", "PAGER"]
        .iter()
        .find_map(|name| std::env::var(name).ok());
    // Without a choice, less if it is installed: a shell that cannot find
    // it would swallow the output.
    let chosen = match chosen {
        Some(chosen) => chosen,
        None if on_path("less") => "less".to_string(),
        None => return None,
    };
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_string())
}

/// Stdout, or a pager started at the first byte written (so a command that
/// fails before printing leaves the screen alone). Call [`Output::finish`]
/// before anything is written to stderr, so that the pager has exited.
pub struct Output {
    /// The pager as chosen, for the message when it fails.
    command: String,
    pager: Option<String>,
    child: Option<Child>,
    writer: Option<Box<dyn Write>>,
}

impl Output {
    pub fn new(pager: Option<String>) -> Self {
        Output {
            command: pager.clone().unwrap_or_default(),
            pager,
            child: None,
            writer: None,
        }
    }

    fn start(&mut self) -> &mut dyn Write {
        let (pager, child) = (&mut self.pager, &mut self.child);
        let writer =
            self.writer
                .get_or_insert_with(|| match pager.take().and_then(|p| spawn(&p)) {
                    Some((started, stdin)) => {
                        *child = Some(started);
                        ignore_interrupts();
                        Box::new(BufWriter::new(stdin))
                    }
                    None => Box::new(BufWriter::with_capacity(64 * 1024, io::stdout())),
                });
        writer.as_mut()
    }

    /// Flushes, and waits for the pager until the reader quits it. A pager
    /// that failed (not found, exit status 1) is an error: its reader saw
    /// nothing, and must not be told all went well.
    pub fn finish(mut self) -> Result<(), Finish> {
        let flushed = self.writer.as_mut().map_or(Ok(()), |w| w.flush());
        // Closing the pipe tells the pager the output is complete.
        drop(self.writer.take());
        if let Some(mut child) = self.child.take() {
            let status = child.wait().map_err(Finish::Io)?;
            if let Some(code) = status.code().filter(|&c| c != 0) {
                return Err(Finish::PagerFailed(self.command.clone(), code));
            }
        }
        flushed.map_err(Finish::Io)
    }
}

/// How [`Output::finish`] can fail.
#[derive(Debug)]
pub enum Finish {
    Io(io::Error),
    /// The pager command, and its exit status.
    PagerFailed(String, i32),
}

impl std::fmt::Display for Finish {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finish::Io(e) => write!(f, "{e}"),
            Finish::PagerFailed(pager, code) => write!(
                f,
                "the pager `{pager}` failed (exit status {code}), so the output may not have been shown"
            ),
        }
    }
}

impl std::error::Error for Finish {}

/// Ctrl-C goes to the pager (less keeps running on it); claims ignores it
/// rather than exit under the pager, and ends when the pager is quit.
#[cfg(unix)]
fn ignore_interrupts() {
    // SAFETY: setting a signal's disposition to SIG_IGN runs no handler code.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_interrupts() {}

/// Runs the pager through the shell (so `PAGER="less -S"` works); `None`
/// when it cannot be started, and the output goes to stdout instead.
fn spawn(pager: &str) -> Option<(Child, ChildStdin)> {
    let mut command = Command::new("/bin/sh");
    command.args(["-c", pager]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    let mut child = command.spawn().ok()?;
    let stdin = child.stdin.take()?;
    Some((child, stdin))
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.start().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.as_mut().map_or(Ok(()), |w| w.flush())
    }
}

/// Whether `program` is an executable file in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(program)).is_ok_and(|m| m.is_file() && executable(&m))
        })
    })
}

#[cfg(unix)]
fn executable(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn executable(_: &std::fs::Metadata) -> bool {
    true
}
