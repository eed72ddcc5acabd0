use std::process::ExitCode;

fn main() -> ExitCode {
    whosaid::cli::main()
}
