//! Helpers shared by the example binaries.

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
