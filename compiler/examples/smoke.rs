fn main() {
    let dir = std::env::args().nth(1).unwrap_or("schemas".into());
    let c = contractc::check_dir(std::path::Path::new(&dir));
    for d in c.diagnostics.iter() {
        let p = d.pos.map(|p| format!("{}:{}:{}", c.sources.path(p.file).display(), p.line, p.column)).unwrap_or_default();
        println!("{} {:?} {} | {}", p, d.code, d.message, d.help);
    }
    println!("{} definitions", c.catalog.definitions.len());
}
