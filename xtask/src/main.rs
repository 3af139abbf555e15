//! `cargo xtask`: parse the flags, run the command, report.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command line prints")]

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use xtask::flags::{Command, Flags, workspace_root};
use xtask::render;

fn main() -> ExitCode {
    let flags = Flags::parse();
    let cwd = std::env::current_dir().unwrap_or_default();
    match flags.command {
        Command::Render(render_flags) => {
            let options = render_flags.into_options(&workspace_root());
            match render::run(&options) {
                Ok(report) => {
                    print_report(&report, &cwd);
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    let diagnostics = failure.diagnostics();
                    for diagnostic in diagnostics {
                        eprintln!("{}", diagnostic.render(&cwd));
                    }
                    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                    eprintln!("error: nothing was written: {errors} error(s) to fix first");
                    ExitCode::from(u8::try_from(failure.exit_code()).unwrap_or(1))
                }
            }
        }
    }
}

fn print_report(report: &render::Report, cwd: &Path) {
    for warning in &report.warnings {
        eprintln!("{}", warning.render(cwd));
    }
    let out = report.out_dir.strip_prefix(cwd).unwrap_or(&report.out_dir);
    println!(
        "rendered {} locale(s) ({}): {} pages, {} files, {:.1} KiB in {:.2} s -> {}",
        report.locales.len(),
        report.locales.join(", "),
        report.pages,
        report.files,
        report.bytes as f64 / 1024.0,
        report.elapsed.as_secs_f64(),
        out.display(),
    );
    for (locale, count, source) in &report.fallbacks {
        println!("  {locale}: {} of {} messages untranslated, shown in {source}", count.fell_back, count.total);
    }
    println!("  pruned {} file(s), kept {} unchanged", report.pruned, report.kept);
    println!("  {} warning(s)", report.warnings.len());
}
