//! What the reducer asks of the world besides a new state, and the queue the state
//! keeps of it. The app performs each request once, after the render that follows it
//! (src/effects.rs), and answers storage requests with an action (`Stored`,
//! `Erased`).

use super::focus::Focus;

/// A request to the world.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Move the focus to what this names (the views know its element).
    Focus(Focus),
    /// Take the share link out of the address bar.
    ClearFragment,
    /// Write what is remembered (`zhicheng:v1`) as it is now.
    Store,
    /// Erase every key of ours from storage, for this reason.
    Erase(Erase),
}

/// Why storage is erased (what is said after depends on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Erase {
    /// "Remember my data" was unticked.
    Forget,
    /// "Clear my data": the form is emptied as well.
    Everything,
    /// Remembered data that cannot be read, cleared at the user's request.
    Unreadable,
}

impl Effect {
    /// Requests of one kind replace each other: the focus goes to the last place
    /// asked; writing, erasing or clearing once does what twice would.
    fn same_kind(&self, other: &Effect) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A request, numbered in the order asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub number: u32,
    pub effect: Effect,
}

/// The requests of the latest actions, at most one of each kind (the latest), in the
/// order asked: the app performs those it has not performed yet (their numbers are
/// above the last it performed), so a request survives actions dispatched before the
/// next render, and is performed once.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outbox {
    last: u32,
    requests: Vec<Request>,
}

impl Outbox {
    pub fn request(&mut self, effect: Effect) {
        self.requests.retain(|r| !r.effect.same_kind(&effect));
        self.last += 1;
        self.requests.push(Request {
            number: self.last,
            effect,
        });
    }

    /// The number of the latest request (0: none yet).
    pub fn last(&self) -> u32 {
        self.last
    }

    /// The requests made after request `number`, in order.
    pub fn after(&self, number: u32) -> impl Iterator<Item = &Request> {
        self.requests.iter().filter(move |r| r.number > number)
    }
}
