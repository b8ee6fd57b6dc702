//! The `claims` binary: everything is in the library's `cli` module.

fn main() -> std::process::ExitCode {
    claims::cli::main()
}
