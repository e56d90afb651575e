//! Entity extraction: person annotations of the seed and the shared texts, the dev-set
//! names, and the shapes and invariants of every entity kind.

#[path = "../support/mod.rs"]
mod support;

mod dev_names;
mod persons;
mod shapes;
