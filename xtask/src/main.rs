//! `cargo xtask`: set up, build, serve and test 职称自测 with one command each.
//!
//! ```text
//! cargo xtask setup            install the pinned tools that are missing
//! cargo xtask build            setup, then trunk build --release into dist/, the
//!                              first screen prerendered into it (prerender.rs, run
//!                              by Trunk's hook), plus dist/offline.html and
//!                              dist/sw.js (offline.rs)
//! cargo xtask serve [ARGS]     setup, then trunk serve (ARGS go to trunk), the first
//!                              screen prerendered there too
//! cargo xtask prerender [DIR]  Trunk.toml's post-build hook: import names shortened,
//!                              the glue, stylesheet and boot script minified, the
//!                              first screen into DIR/index.html (default:
//!                              $TRUNK_STAGING_DIR)
//! cargo xtask test [STEP...]   setup, then every test step (or only those named)
//! cargo xtask bench [--readme] [SUITE...]
//!                              performance figures into target/bench/results.md
//!                              (--readme: and into README.md's Benchmark section)
//! cargo xtask rules [new ID --from EXISTING]  validate rules/, or start a rule set
//! cargo xtask fuzz [SECONDS]   run every fuzz target for SECONDS each (default 600)
//! ```

mod bench;
mod cmd;
mod imports;
mod minify;
mod offline;
mod prerender;
mod setup;
mod sha256;
mod steps;
mod wasm;

use std::process::ExitCode;
use std::time::Instant;

use cmd::Result;
use steps::TEST_STEPS;

/// Trunk.toml's [serve] address and port.
const DEFAULT_SERVE_URL: &str = "http://127.0.0.1:8080/";

fn main() -> ExitCode {
    cmd::init_path(&cmd::repo_root());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "setup" => timed_setup(),
        "build" => build(rest),
        "serve" => serve(rest),
        "test" => test(rest),
        "bench" => bench::run(rest),
        "prerender" => prerender_command(rest),
        "rules" => steps::rules_command(rest),
        "fuzz" => steps::fuzz_command(rest),
        "help" | "-h" | "--help" => {
            help();
            Ok(())
        }
        other => Err(format!(
            "unknown command `{other}` (see `cargo xtask help`)"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {command}: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

fn help() {
    println!("cargo xtask — 职称自测 project tasks\n");
    println!("  setup            install the pinned tools that are missing (idempotent)");
    println!("  build [ARGS]     setup, then `trunk build --release [ARGS]` into dist/,");
    println!("                   then dist/offline.html (one file, works offline) and dist/sw.js");
    println!("  serve [ARGS]     setup, then `trunk serve [ARGS]` ({DEFAULT_SERVE_URL})");
    println!("  test [STEP...]   setup, then these steps in order, stopping at the first failure:");
    for step in TEST_STEPS {
        println!("      {:<12} {}", step.name, step.about);
    }
    println!("  bench [--readme] [SUITE...]");
    println!(
        "                   performance figures with their budgets and references, printed as"
    );
    println!(
        "                   one table and written to target/bench/results.md (--readme: and to"
    );
    println!("                   README.md's Benchmark section); the suites, in order:");
    for suite in bench::SUITES {
        println!("      {:<12} {}", suite.name, suite.about);
    }
    println!("  prerender [DIR]  Trunk's post-build hook (Trunk.toml): import names shortened,");
    println!("                   the glue, stylesheet and boot script minified, the first");
    println!("                   screen into DIR/index.html, DIR defaulting to");
    println!("                   $TRUNK_STAGING_DIR");
    println!("  rules            validate every rule file (file:line: what; how to fix)");
    println!("  rules new ID --from EXISTING");
    println!("                   start rules/ID.toml from a rule set (docs/rules.md)");
    println!("  fuzz [SECONDS]   run each fuzz target for SECONDS (default 600; cargo fuzz)");
}

fn timed_setup() -> Result {
    let start = Instant::now();
    setup::run().map_err(|e| format!("setup: {e}"))?;
    println!("setup: done in {:.1}s", start.elapsed().as_secs_f64());
    Ok(())
}

fn build(args: &[String]) -> Result {
    timed_setup()?;
    cmd::run(
        cmd::command("trunk")
            .args(["build", "--release"])
            .args(args),
    )?;
    steps::finish_dist(&offline::dist_dir())?;
    println!("\nbuilt the web app into dist/");
    Ok(())
}

/// Trunk's post-build hook (Trunk.toml): wasm-bindgen's import names shortened
/// (imports.rs), the glue, the stylesheet and the boot script minified (minify.rs),
/// then the first screen prerendered into the page Trunk is about to publish and the
/// page's own comments taken out, for `trunk build` and `trunk serve` alike.
fn prerender_command(args: &[String]) -> Result {
    let dir = match args {
        [dir] => std::path::PathBuf::from(dir),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(std::path::PathBuf::from)
            .ok_or(
                "usage: cargo xtask prerender DIR (or run by Trunk, which sets TRUNK_STAGING_DIR)",
            )?,
        _ => return Err("usage: cargo xtask prerender [DIR]".into()),
    };
    imports::shorten_in(&dir)?;
    minify::glue_in(&dir)?;
    minify::stylesheet_in(&dir)?;
    minify::boot_in(&dir)?;
    prerender::finish(&dir)?;
    minify::page_in(&dir)
}

fn serve(args: &[String]) -> Result {
    timed_setup()?;
    let url = serve_url(args);
    println!("\n职称自测 will be served at {url} once Trunk has built it (Ctrl-C stops).\n");
    cmd::run(cmd::command("trunk").arg("serve").args(args))
}

/// The URL `trunk serve ARGS` will listen on (Trunk.toml's unless --port/--address given).
fn serve_url(args: &[String]) -> String {
    let value = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{flag}="))
                .map(str::to_owned)
                .or_else(|| (a == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    match (value("--address"), value("--port")) {
        (None, None) => DEFAULT_SERVE_URL.to_owned(),
        (address, port) => format!(
            "http://{}:{}/",
            address.as_deref().unwrap_or("127.0.0.1"),
            port.as_deref().unwrap_or("8080")
        ),
    }
}

fn test(only: &[String]) -> Result {
    for name in only {
        if !TEST_STEPS.iter().any(|s| s.name == name) {
            let names: Vec<_> = TEST_STEPS.iter().map(|s| s.name).collect();
            return Err(format!("no step `{name}`; steps: {}", names.join(", ")));
        }
    }
    let start = Instant::now();
    timed_setup()?;
    let mut ran = Vec::new();
    for step in TEST_STEPS {
        if !only.is_empty() && !only.iter().any(|n| n == step.name) {
            continue;
        }
        println!("\n==> test step `{}`: {}", step.name, step.about);
        let step_start = Instant::now();
        (step.run)().map_err(|e| format!("test step `{}` failed: {e}", step.name))?;
        let secs = step_start.elapsed().as_secs_f64();
        println!("==> test step `{}` ok ({secs:.1}s)", step.name);
        ran.push(format!("{} {secs:.0}s", step.name));
    }
    println!(
        "\nxtask test: OK in {:.0}s ({})",
        start.elapsed().as_secs_f64(),
        ran.join(", ")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn serve_url_follows_trunk_flags() {
        assert_eq!(serve_url(&[]), DEFAULT_SERVE_URL);
        assert_eq!(
            serve_url(&strings(&["--port", "9000"])),
            "http://127.0.0.1:9000/"
        );
        assert_eq!(
            serve_url(&strings(&["--address=0.0.0.0", "--port=81"])),
            "http://0.0.0.0:81/"
        );
    }
}
