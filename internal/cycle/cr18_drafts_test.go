package cycle

import "testing"

// TestCR18PronounsOfOthers: only the person becomes "you"; a pronoun after
// someone else is named may be theirs and is kept (VP cold read 18,
// findings 2 and 3), and one before any other name is the person's.
func TestCR18PronounsOfOthers(t *testing.T) {
	for text, want := range map[string]string{
		"Ran Lena's first career conversation with her development plan open": "On 14 October, you ran Lena's first career conversation with her development plan open.",
		"Mentored Ivy through her first launch review":                        "On 14 October, you mentored Ivy through her first launch review.",
		"Shipped the saved-cards fix on the date she committed to":            "On 14 October, you shipped the saved-cards fix on the date you committed to.",
	} {
		if got := did("14 October", text); got != want {
			t.Errorf("did(%q)\n got %q\nwant %q", text, got, want)
		}
	}
}
