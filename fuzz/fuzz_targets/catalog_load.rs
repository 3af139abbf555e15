//! Fuzz target: any bytes, split at NUL into `levels.yaml`, `roles.yaml`, `domains.yaml` and one
//! skill file, must load into a catalog or into errors, never panic, hang or overflow the stack.

#![no_main]

use std::fs;
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

const FILES: [&str; 4] = ["levels.yaml", "roles.yaml", "domains.yaml", "skills/serverless-functions.yaml"];

fn scratch() -> PathBuf {
    // Memory-backed where there is one: a fuzzer writes these files thousands of times a second.
    let base = if PathBuf::from("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
    base.join(format!("ladder-fuzz-catalog-{}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let _ = fs::create_dir_all(dir.join("skills"));
    let mut parts = data.split(|byte| *byte == 0);
    for file in FILES {
        let _ = fs::write(dir.join(file), parts.next().unwrap_or_default());
    }
    let _ = ladder_model::Catalog::load(&dir);
});
