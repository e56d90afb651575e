//! The name analysis: variant families and look-alikes, properties of the keys, and the
//! dev-set evaluations (the name analysis alone, and name search through the index
//! against baselines).

#[path = "../support/mod.rs"]
mod support;
use support::eval as shared_eval;

mod dev;
mod eval;
mod kazakh_forms;
mod matching;
mod pair_set;
mod pairs;
mod props;
mod scripts;
mod search_scripts;
