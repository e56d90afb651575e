//! Search: totals, the relative cutoff, filters and facets, ranking of names, results and
//! highlights, the JSON shape of the `search` example, and the bundled seed end to end.

#[path = "../support/mod.rs"]
mod support;

mod api;
mod counts;
mod cutoff;
mod filters;
mod json;
mod name_proximity;
mod names;
mod never_panics;
mod real_text;
mod results;
mod seed;
mod seed_names;
