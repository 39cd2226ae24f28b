//! The loader on arbitrary bytes: parse, validate, anchor quotes, index. It must answer every input
//! with a model or a list of problems, never a panic; the fast loader and the one that walks the
//! JSON by hand must agree; and what it loads must export to JSON that loads again to the same
//! export.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(diff) = argscope::model::loaders_agree(bytes) {
        panic!("the two loaders disagree: {diff}");
    }
    let Ok(model) = argscope::model::load(bytes) else {
        return;
    };
    let once = argscope::export::json::export(&model);
    let again = match argscope::model::load(once.as_bytes()) {
        Ok(m) => argscope::export::json::export(&m),
        Err(problems) => panic!("the export of a loaded document does not load: {problems:?}"),
    };
    assert_eq!(once, again, "export json is not idempotent");
});
