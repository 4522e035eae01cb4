package plans

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// An onboarding item the notes of a 1:1 speak of is not asked again as if
// nothing was done (cold read 20: "has met every engineering lead but not
// Support yet" in the notes, and the next agenda asking to "Meet every
// engineer, designer and analyst" as new): the agenda asks about what is
// left of it.

// pastForms are the irregular past forms of the verbs an onboarding item
// opens with, to their plain form.
var pastForms = map[string]string{
	"met": "meet", "sat": "sit", "ran": "run", "wrote": "write", "written": "write",
	"spoke": "speak", "spoken": "speak", "took": "take", "taken": "take",
	"led": "lead", "made": "make", "gave": "give", "given": "give",
	"went": "go", "gone": "go", "did": "do", "done": "do", "sought": "seek",
	"found": "find", "held": "hold", "built": "build", "brought": "bring",
	"bought": "buy", "shadowed": "shadow", "read": "read",
}

// verbEndings are what may follow a verb's stem in one of its regular
// forms: "meets", "meeting", "joined", "written".
var verbEndings = map[string]bool{"": true, "s": true, "es": true, "e": true, "ed": true, "d": true, "ing": true, "en": true}

// isVerbForm reports whether word (lower case) is a form of verb (lower
// case, plain): "met" and "meeting" of "meet", "shipped" of "ship".
func isVerbForm(word, verb string) bool {
	if word == verb || pastForms[word] == verb {
		return true
	}
	stem := verb
	if len(stem) > 3 {
		stem = strings.TrimSuffix(stem, "e")
	}
	rest, ok := strings.CutPrefix(word, stem)
	if !ok {
		return false
	}
	if verbEndings[rest] {
		return true
	}
	// A doubled last consonant: "shipped", "running".
	return len(rest) > 1 && rest[0] == stem[len(stem)-1] && verbEndings[rest[1:]]
}

// notedUnit is the paragraph or bullet of notes that speaks of item, an
// onboarding item that opens with its verb ("Meet every engineer…"): one
// with a form of that verb and one more of the item's own words. "" when
// none does.
func notedUnit(item string, notes []Markdown) string {
	fields := strings.FieldsFunc(strings.ToLower(item), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(fields) < 2 {
		return ""
	}
	verb := fields[0]
	words := topicWords(item)
	delete(words, string([]rune(verb)[:min(5, len([]rune(verb)))]))
	for _, u := range noteUnits(notes) {
		hasVerb := false
		for _, w := range strings.FieldsFunc(strings.ToLower(u), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if isVerbForm(w, verb) {
				hasVerb = true
				break
			}
		}
		if !hasVerb {
			continue
		}
		for w := range topicWords(u) {
			if words[w] {
				return u
			}
		}
	}
	return ""
}

// notLeft is what a note says is still to do: "… but not Support yet".
var notLeft = regexp.MustCompile(`(?i)\bbut not (?:yet )?(.+?)(?: yet)?[.!]?$`)

// askNoted is the week's onboarding item to ask about, when the notes of
// the 1:1 of day (in words) speak of it: what is left of it, named when
// the note names it.
func askNoted(item string, notes []Markdown, day string) string {
	u := notedUnit(item, notes)
	if u == "" || day == "" {
		return item
	}
	left := ""
	if m := notLeft.FindStringSubmatch(u); m != nil && len(strings.Fields(m[1])) <= 4 {
		left = " (" + strings.TrimSpace(m[1]) + ")"
	}
	return fmt.Sprintf("%s Our notes of %s say it is under way: ask about what is left%s, not the whole of it.", item, day, left)
}
