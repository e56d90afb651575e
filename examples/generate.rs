// # Generate a synthetic corpus
//
// Writes seeded, synthetic resolutions as .txt files in the Parliament's web-repost
// format, so anyone can rebuild the exact corpus a bench ran on:
//
//     cargo run --release --example generate -- --units 100000 --seed 42 --out /tmp/corpus
//
// The same seed and unit count give the same bytes on every platform. A summary
// (files, units, bytes, the most named person in several spellings) goes to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use whereas::synth::{Corpus, Spelling};

struct Args {
    units: usize,
    seed: u64,
    out: PathBuf,
}

fn usage() -> &'static str {
    "usage: generate --units N --seed S --out DIR"
}

fn parse_args() -> Result<Args, String> {
    let mut units = 100_000usize;
    let mut seed = 42u64;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {}", usage()))?;
        match flag.as_str() {
            "--units" => {
                units = value
                    .parse()
                    .map_err(|_| format!("--units: not a number: {value}"))?
            }
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {value}"))?
            }
            "--out" => out = Some(PathBuf::from(value)),
            other => return Err(format!("unknown argument {other}; {}", usage())),
        }
    }
    let out = out.ok_or_else(|| format!("--out is required; {}", usage()))?;
    Ok(Args { units, seed, out })
}

fn run(args: &Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let corpus = Corpus::new(args.seed);
    let (mut files, mut units, mut bytes) = (0usize, 0usize, 0usize);
    for resolution in corpus.resolutions(args.units) {
        let path = args.out.join(resolution.file_name());
        std::fs::write(&path, &resolution.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        files += 1;
        units += resolution.units.len();
        bytes += resolution.text.len();
    }
    let person = corpus.frequent();
    eprintln!(
        "wrote {files} resolutions, {units} units, {bytes} bytes to {} (seed {})",
        args.out.display(),
        args.seed
    );
    eprintln!(
        "most named: {} / {} / {} / {}",
        person.full_name(Spelling::Bgn),
        person.full_name(Spelling::French),
        person.full_name(Spelling::German),
        person.full_name(Spelling::Cyrillic)
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate: {message}");
            ExitCode::FAILURE
        }
    }
}
