#[path = "../tests/fixtures/mod.rs"] mod fixtures;
use whereas::{index::Index, query::SearchRequest};
fn main(){ let i = Index::from_resolutions([&fixtures::kazakhstan()]).unwrap();
 for q in ["bokay*"] { println!("{q}: {:?}", i.search(&SearchRequest::new(q)).map(|r| r.total)); } }
