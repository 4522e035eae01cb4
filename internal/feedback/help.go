package feedback

import "strings"

// Usage and Description are the help of `coach feedback`.
const Usage = "write, request and read peer feedback, encrypted"

const Description = `feedback NAME --as YOU opens $VISUAL (or $EDITOR, or vi) with a short form
about NAME: what they do well, one thing to change, the skills it is about and
the work it is about. What you save is encrypted with age to coach.toml's
[private] recipients, the managers, and written as a new file,
feedback/NAME/DATE-ID.age, never over another. Your id is inside the
encrypted text only; the name holds the date and a random id. Commit the
file: git shows who committed it (README "Who can read peer feedback" says
who can read what). The plain text is on disk only while the editor is
open, in a 0600 file in a private temporary directory, removed however the
edit ends.

With [feedback] share_with_person = true in coach.toml, the feedback is
encrypted to the person too, by their public key:

   [feedback]
   share_with_person = true
   [feedback.keys]
   alice = "age1..."

As with private notes, coach refuses to encrypt to a key that came into
coach.toml with someone else's commit since your last, unless
--trust-new-recipients says you know whose it is.

--request NAME --from A,B asks A and B for feedback about NAME: the request
goes into feedback/requests.toml, and their agendas show it for two weeks.

--read NAME prints the feedback about NAME to a terminal, decrypted with
your age identity (--identity FILE, $COACH_AGE_IDENTITY, or
coach/identity.txt in your configuration directory), grouped by skill.

Plans count the feedback ("2 pieces of feedback from colleagues since ...");
no plan, agenda, team view, diff or history shows what it says. coach check
fails on any file under feedback/ that is not encrypted.

Examples:
   coach feedback alice --as ben
   coach feedback --request alice --from ben,chloe
   coach feedback --read alice
   coach feedback --read alice --identity example-identity.txt

Exit status: 0 ok, 1 an unknown person or feedback your key cannot open, 2
wrong usage (no --as, no recipients, stdout not a terminal without --pipe),
130 interrupted (nothing was written).`

// FlagProblem says what is wrong with a combination of the command's
// flags, in words; "" when nothing is.
func FlagProblem(request, read bool, from, as string, reading, trust bool) string {
	switch {
	case request && read:
		return "give --request or --read, not both"
	case request && strings.Trim(from, ", ") == "":
		return "--request needs --from A,B: the people asked for feedback"
	case !request && from != "":
		return "--from goes with --request"
	case (request || read) && as != "":
		return "--as names the author of feedback you write; --request and --read write none"
	case reading && !read:
		return "--identity and --pipe go with --read"
	case trust && (request || read):
		return "--trust-new-recipients goes with writing feedback, which encrypts"
	}
	for _, id := range strings.Split(from, ",") {
		if request && strings.TrimSpace(id) == "" {
			return "--from has an empty id; write --from A,B"
		}
	}
	return ""
}
