//! `cargo xtask`: parse the flags, run the command, report.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command line prints")]

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use xtask::diagnostics::SourceLines;
use xtask::flags::{Command, Flags, RenderOptions};
use xtask::l10n::CommandError;
use xtask::{check, l10n, render, status};

fn main() -> ExitCode {
    let flags = Flags::parse();
    let cwd = std::env::current_dir().unwrap_or_default();
    match flags.command {
        Command::Bench(bench_flags) => {
            let result = xtask::flags::project_root().and_then(|root| {
                if bench_flags.serve {
                    xtask::bench::run_serve(&root, &bench_flags.sizes, bench_flags.edits)
                } else {
                    xtask::bench::run(&root, &bench_flags.sizes)
                }
            });
            match result {
                Ok(table) => {
                    print!("{table}");
                    ExitCode::SUCCESS
                }
                Err(diagnostic) => {
                    eprint!("{}", diagnostic.render(&cwd));
                    ExitCode::from(1)
                }
            }
        }
        Command::GenCatalog(gen_flags) => {
            let options = xtask::gen_catalog::GenOptions {
                skills: gen_flags.skills,
                roles: gen_flags.roles,
                locales: gen_flags.locales,
                out: gen_flags.out,
                seed: gen_flags.seed,
            };
            match xtask::gen_catalog::run(&options) {
                Ok(report) => {
                    println!(
                        "wrote {} skills, {} roles, {} locale(s) ({}): {} files, {:.1} MiB -> {}",
                        report.skills,
                        report.roles,
                        report.locales.len(),
                        report.locales.join(", "),
                        report.files,
                        report.bytes as f64 / (1024.0 * 1024.0),
                        options.out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(diagnostic) => {
                    eprint!("{}", diagnostic.render(&cwd));
                    ExitCode::from(2)
                }
            }
        }
        Command::Serve(serve_flags) => {
            let render = match serve_flags.render.into_options() {
                Ok(render) => render,
                Err(diagnostic) => {
                    eprint!("{}", diagnostic.render(&cwd));
                    return ExitCode::from(2);
                }
            };
            let options = xtask::serve::ServeOptions {
                render,
                bind: serve_flags.bind,
                port: serve_flags.port,
                open: serve_flags.open,
            };
            match xtask::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diagnostic) => {
                    eprint!("{}", diagnostic.render(&cwd));
                    ExitCode::from(2)
                }
            }
        }
        Command::Status(status_flags) => print_outcome(status::run(status_flags), &cwd),
        Command::L10nAccept(accept_flags) => print_outcome(l10n::accept(accept_flags), &cwd),
        Command::NewLocale(new_locale_flags) => print_outcome(l10n::new_locale(new_locale_flags), &cwd),
        Command::Render(render_flags) => {
            let options = match render_flags.into_options() {
                Ok(options) => options,
                Err(diagnostic) => {
                    eprint!("{}", diagnostic.render(&cwd));
                    return ExitCode::from(2);
                }
            };
            match render::run(&options) {
                Ok(report) => {
                    print_report(&report, &options, &cwd);
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    let diagnostics = failure.diagnostics();
                    let mut sources = SourceLines::default();
                    for diagnostic in diagnostics {
                        eprintln!("{}", diagnostic.render_with(&cwd, &mut sources));
                    }
                    // A usage or write failure says what happened itself; content errors get a count.
                    if let render::Failure::Invalid(_) = failure {
                        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                        let out = options.out_dir.strip_prefix(&cwd).unwrap_or(&options.out_dir);
                        eprintln!(
                            "error: nothing was published: {errors} error(s) to fix first; {} was left as it was",
                            out.display()
                        );
                    }
                    ExitCode::from(u8::try_from(failure.exit_code()).unwrap_or(1))
                }
            }
        }
        Command::Check(check_flags) => run_check(check_flags, &cwd),
    }
}

/// Prints a translator command's output, or its error.
fn print_outcome(outcome: Result<String, CommandError>, cwd: &Path) -> ExitCode {
    match outcome {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}", err.diagnostic.render(cwd));
            ExitCode::from(err.exit_code)
        }
    }
}

fn run_check(flags: check::CheckFlags, cwd: &Path) -> ExitCode {
    let report = match flags.into_options().map(|options| (check::run(&options), options)) {
        Ok((Ok(report), options)) => (report, options),
        Ok((Err(diagnostic), _)) | Err(diagnostic) => {
            eprint!("{}", diagnostic.render(cwd));
            return ExitCode::from(2);
        }
    };
    let (report, options) = report;
    match options.format {
        check::OutputFormat::Text => {
            let mut sources = SourceLines::default();
            for diagnostic in &report.diagnostics {
                eprintln!("{}", diagnostic.render_with(cwd, &mut sources));
            }
            println!("{}", report.summary());
        }
        check::OutputFormat::Json => println!("{}", report.to_json(cwd)),
    }
    ExitCode::from(report.exit_code(options.strict))
}

fn print_report(report: &render::Report, options: &RenderOptions, cwd: &Path) {
    let mut sources = SourceLines::default();
    for warning in &report.warnings {
        eprintln!("{}", warning.render_with(cwd, &mut sources));
    }
    let out = report.out_dir.strip_prefix(cwd).unwrap_or(&report.out_dir);
    let catalog = options.catalog_dir.strip_prefix(cwd).unwrap_or(&options.catalog_dir);
    println!(
        "rendered {} locale(s) ({}): {} pages, {} files, {:.1} KiB in {:.2} s, {} -> {}",
        report.locales.len(),
        report.locales.join(", "),
        report.pages,
        report.files,
        report.bytes as f64 / 1024.0,
        report.elapsed.as_secs_f64(),
        catalog.display(),
        out.display(),
    );
    for (locale, count, source) in &report.fallbacks {
        println!("  {locale}: {} of {} messages untranslated, shown in {source}", count.fell_back, count.total);
    }
    if report.reused > 0 {
        println!(
            "  pruned {} file(s), kept {} unchanged ({} without rendering them)",
            report.pruned, report.kept, report.reused
        );
    } else {
        println!("  pruned {} file(s), kept {} unchanged", report.pruned, report.kept);
    }
    println!("  {} warning(s)", report.warnings.len());
}
