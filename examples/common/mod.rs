//! Helpers shared by the example binaries.
// Each example uses some of them.
#![allow(dead_code)]

/// The error and its causes, on one line. whereas's errors already say their cause;
/// a cause is added only when the message does not hold it yet.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let cause = s.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
        source = s.source();
    }
    out
}

/// `path: error and causes`, the path left out when the message already names it
/// (whereas's I/O errors do), so that a line says each thing once.
pub fn at(path: &std::path::Path, e: &dyn std::error::Error) -> String {
    let message = chain(e);
    let shown = path.display().to_string();
    if message.contains(&shown) {
        message
    } else {
        format!("{shown}: {message}")
    }
}
