//! The YAML loader on arbitrary bytes: every input ends in documents or problems.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = mlk::manifest::load("fuzz.yaml", data, &mlk::manifest::Limits::default());
    for doc in &file.documents {
        for object in mlk::manifest::objects(doc) {
            let _ = mlk::manifest::pod_templates(&object);
        }
        let _ = doc.root.to_json();
    }
});
