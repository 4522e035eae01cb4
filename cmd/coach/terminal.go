package main

import "github.com/coach-dev/coach/skills"

// shown is what coach prints of b, text that may come from anyone who can
// push (a skill file, a template, a committed plan or agenda): b with its
// control characters escaped (see skills.EscapeControls), so that printing
// it to a terminal shows them and never obeys them. Clean text, all of
// coach's own, is returned as it is.
func shown(b []byte) []byte {
	for _, c := range b {
		if skills.MayBeControl(c) {
			return []byte(skills.EscapeControls(string(b)))
		}
	}
	return b
}
