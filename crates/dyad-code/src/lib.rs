//! Coding an annotated article: events (actor–action–target, through `dyad-events`), the
//! CAMEO/PLOVER codebook (event names, Goldstein values, quad
//! classes, PLOVER types), GDELT-style tone and the theme taxonomy. Every table comes from a
//! data file under the workspace's `data/` directory, embedded at build time.

pub mod actors;
pub mod cameo;
pub mod events;
pub mod themes;
pub mod tone;

pub use events::{events, Article, CameoBook};
pub use themes::themes;
pub use tone::tone;
