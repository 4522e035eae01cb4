package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
)

// Cold read 18, finding 12: a later line of notes said to the person is
// said in one voice, and left as written when someone else may be meant.
func TestLaterToYou(t *testing.T) {
	p := &skills.Person{ID: "ama", Name: "Ama Owusu"}
	names := []string{"Ama Owusu", "Kofi Mensah", "Lena Brandt"}
	for in, want := range map[string]string{
		"- Risk asked for a second review of the chargeback flow; she said not before March.": "- Risk asked for a second review of the chargeback flow; you said not before March.",
		"- Kofi asked for the dispute numbers; she said not before March.":                    "- Kofi asked for the dispute numbers; she said not before March.",
		"- We met Lena's partner; she said the numbers were off.":                             "- We met Lena's partner; she said the numbers were off.",
		"- Agreed with Finance on the baseline; she said it holds.":                           "- Agreed with Finance on the baseline; she said it holds.",
		"- She is ready to lead the review.":                                                  "- You are ready to lead the review.",
	} {
		if got := laterToYou(in, p, names); got != want {
			t.Errorf("laterToYou(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	if got := unquote("> CS: we need the old flow"); got != "CS: we need the old flow" {
		t.Errorf("unquote: %q", got)
	}
}
