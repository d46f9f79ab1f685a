//! The `polgraph` binary: parses the command line and hands over to [`cli`].
//! All logic lives in the library; this file only turns errors into one clear
//! line on stderr and an exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`polgraph extract ... | head`) is not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("polgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
