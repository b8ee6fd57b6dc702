//! A hello-world binary: the start-up floor `benches/scale.rs` compares `claims` with.
fn main() {
    println!("hello");
}
