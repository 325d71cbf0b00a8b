//! Any bytes as a profile: reading and evaluating must never panic, and a profile
//! that reads must survive a round trip through its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhicheng_engine::{evaluate, Profile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(profile) = Profile::from_json(text) {
        let _ = evaluate(&profile);
        let again = Profile::from_json(&profile.to_json()).expect("a profile's own JSON reads back");
        assert_eq!(again, profile);
    }
});
