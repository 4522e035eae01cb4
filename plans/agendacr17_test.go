package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The agenda findings of cold read 17, each as the exact sentence an
// agenda now says, on the second team's people.

// TestNotesAboutThePersonAreSaidToThem: a line of the notes that opens
// with the person's name is said to them, with the he or she about them
// and the verbs that go with it; a line about anyone else is quoted as
// written.
func TestNotesAboutThePersonAreSaidToThem(t *testing.T) {
	marcus := &skills.Person{ID: "marcus", Name: "Marcus Bell"}
	nina := &skills.Person{ID: "nina", Name: "Nina Osei"}
	for _, c := range []struct {
		p          *skills.Person
		line, want string
		ok         bool
	}{
		{marcus, "Marcus says the PRD reviews are how he keeps quality up; we agreed to try one review he does not attend.",
			"You say the PRD reviews are how you keep quality up; we agreed to try one review you do not attend.", true},
		{nina, "Nina has met every engineering lead but not Support yet.", "You have met every engineering lead but not Support yet.", true},
		{nina, "- Nina worries the status page slips and wants Disputes Operations in the room.",
			"- You worry the status page slips and want Disputes Operations in the room.", true},
		{marcus, "Marcus Bell's team missed the release date twice.", "Your team missed the release date twice.", true},
		{marcus, "Marcus asked Kofi to run the review; she said yes.", "You asked Kofi to run the review; she said yes.", true},
		{marcus, "Kofi ran the review alone.", "Kofi ran the review alone.", false},
		{marcus, "Marcusville is a town.", "Marcusville is a town.", false},
	} {
		got, ok := noteToYou(c.line, c.p)
		if got != c.want || ok != c.ok {
			t.Errorf("noteToYou(%q) = %q, %v; want %q, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}
