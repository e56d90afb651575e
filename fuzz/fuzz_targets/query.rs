//! Fuzz target: arbitrary query strings, facet paths, pages and dates against a small
//! in-RAM index. A search may fail with a query or argument error; it must not panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whereas::{Index, SearchRequest};

const TEXT: &str = "– having regard to the UN Convention against Torture(1),\n\n\
A. whereas the human rights defender Max Bokayev was tortured in prison in Kazakhstan;\n\n\
B. whereas Almat Zhumagulov, Алмат Жумагулов, and Askhat Zheksebayev were detained;\n\n\
1. Calls for the release of Maks Bokaev and Жанболат Мамай;\n\n\
(1) OJ C 23, 21.1.2021, p. 1.\n";

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut res = whereas::Segmenter::new()
            .reference("TA-9-2021-0056")
            .segment(TEXT)
            .expect("fixture segments");
        whereas::entity::annotate(&mut res);
        Index::from_resolutions([&res]).expect("fixture indexes")
    })
}

fuzz_target!(|data: &[u8]| {
    // Layout: [flags, offset, limit, rest...]; rest is split at the first NUL into the
    // query and an optional facet path.
    let [flags, offset, limit, rest @ ..] = data else {
        return;
    };
    let rest = String::from_utf8_lossy(rest);
    let (query, facet) = match rest.split_once('\0') {
        Some((q, f)) => (q, Some(f)),
        None => (rest.as_ref(), None),
    };
    let mut request = SearchRequest::new(query)
        .offset(usize::from(*offset) * 4)
        .limit(usize::from(*limit));
    if let Some(facet) = facet {
        request = if flags & 1 == 0 {
            request.facet(facet)
        } else {
            request.facet_counts(facet, usize::from(*flags))
        };
    }
    if flags & 2 != 0 {
        request = request.kind(whereas::UnitKind::Recital);
    }
    if flags & 4 != 0 {
        request = request.date_range(query, facet.unwrap_or("2021"));
    }
    match index().search(&request) {
        Ok(results) => assert!(results.hits.len() <= results.total),
        Err(whereas::Error::Query { input, at, reason }) => {
            assert_eq!(input, query);
            assert!(at <= input.len());
            assert!(!reason.is_empty());
        }
        Err(whereas::Error::InvalidArgument(reason)) => assert!(!reason.is_empty()),
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
