fn main() {
    let p = std::env::args().nth(1).unwrap();
    let r = whereas::load(&p).unwrap();
    for u in &r.units {
        if !u.footnote_calls.is_empty() || !u.points.is_empty() {
            println!(
                "{} {} calls={:?}@{:?} points={:?}",
                u.kind.as_str(),
                u.label,
                u.footnote_calls,
                u.footnote_call_offsets,
                u.points
            );
        }
    }
    let text = if p.ends_with("html") {
        whereas::segment::html_to_text(&std::fs::read_to_string(&p).unwrap())
    } else {
        std::fs::read_to_string(&p).unwrap()
    };
    for n in &r.noise {
        if n.reason != whereas::NoiseReason::Blank {
            let s = &text[n.span.start..n.span.end];
            println!(
                "{:?} {:?}",
                n.reason,
                s.chars().take(70).collect::<String>()
            );
        }
    }
    println!("{:?}", r.warnings);
}
