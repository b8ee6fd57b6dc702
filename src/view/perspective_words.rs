//! A perspective in words: in full, in a few words, and abbreviated.

use crate::compare::Perspective;

pub fn perspective_label(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "self-report",
        Perspective::OwnUnofficial => "unofficial self-report",
        Perspective::Adversary => "adversary claim",
        Perspective::Mixed => "count including the speaker's own side",
        Perspective::SideOnThird => "one side about a third party",
        Perspective::Ally => "report by an ally of a side",
        Perspective::ThirdParty => "third-party report",
        Perspective::Unattributed => "report with no source named",
        Perspective::Participant => "count by a party to the transfer",
    }
}

/// What `perspective_short` abbreviates, where a line has room for it.
pub fn perspective_words(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "own report",
        Perspective::OwnUnofficial => "own, unofficial",
        Perspective::Adversary => "claim about the other side",
        Perspective::Mixed => "count including its own side",
        Perspective::SideOnThird => "one side about a third party",
        Perspective::Ally => "an ally of a side",
        Perspective::ThirdParty => "third party",
        Perspective::Unattributed => "no source named",
        Perspective::Participant => "a party to the transfer",
    }
}

pub fn perspective_short(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "own",
        Perspective::OwnUnofficial => "own, unofficial",
        Perspective::Adversary => "adv.",
        Perspective::Mixed => "incl. own",
        Perspective::SideOnThird => "side on 3rd",
        Perspective::Ally => "ally",
        Perspective::ThirdParty => "3rd",
        Perspective::Unattributed => "unnamed",
        Perspective::Participant => "party",
    }
}
