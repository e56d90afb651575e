// # Debug: print the entities of each argument
fn main() {
    for a in std::env::args().skip(1) {
        println!("== {a}");
        for e in whereas::entity::extract(&a) {
            println!(
                "{:?}\t{}\t{}\t{}..{}",
                e.kind, e.text, e.normalized, e.start, e.end
            );
        }
    }
}
