//! Helpers shared by the integration tests.

use std::ffi::OsStr;

/// The binary under test, run from the project root.
pub fn polgraph() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("polgraph").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs a Python script (after importing `module`) on `args` and returns what
/// it printed, or `None`, with a message saying why, where python3 or the
/// module is not installed. A script that fails fails the test.
pub fn python(module: &str, script: &str, args: impl IntoIterator<Item = impl AsRef<OsStr>>) -> Option<String> {
    let available = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        eprintln!("skipping: python3 with {module} is not installed (bash .ci/run installs what the tests use)");
        return None;
    }
    let o = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}\n{script}")])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8(o.stdout).unwrap())
}
