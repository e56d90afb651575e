//! Fuzz target: bytes → decode → segment (text or HTML), checking the coverage invariant.
//!
//! The first byte picks the path: even → plain text, odd → HTML. The rest is the file's
//! bytes, decoded as `whereas::load` does (invalid UTF-8 is tried as Windows-1252).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = whereas::decode(bytes) else {
        return;
    };
    let (input, result) = if mode % 2 == 0 {
        (text.clone(), whereas::segment(&text))
    } else {
        (
            whereas::html_to_text(&text),
            whereas::segment_html(&text),
        )
    };
    let res = match result {
        Ok(res) => res,
        Err(whereas::Error::NoResolution { .. }) => return,
        Err(e) => panic!("unexpected error {e:?}"),
    };
    // Units plus noise tile the input exactly, on char boundaries.
    let mut spans: Vec<_> = res.noise.iter().map(|n| n.span).collect();
    for u in &res.units {
        spans.extend(u.pieces.iter().copied());
        assert!(u.span.start <= u.span.end && u.span.end <= input.len());
        for (call, &at) in u.footnote_calls.iter().zip(&u.footnote_call_offsets) {
            assert!(!call.is_empty() && at <= u.text.len() && u.text.is_char_boundary(at));
        }
        for p in &u.points {
            assert!(p.start <= u.text.len() && u.text.is_char_boundary(p.start));
        }
    }
    spans.sort();
    let mut at = 0;
    for s in &spans {
        assert_eq!(s.start, at, "gap or overlap");
        assert!(s.end > s.start, "empty span");
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        at = s.end;
    }
    assert_eq!(at, input.len(), "spans stop short of the end");
    // Entities and ids never panic either.
    let mut res = res;
    whereas::entity::annotate(&mut res);
    for u in &res.units {
        let _ = res.unit_id(u);
    }
});
