package plans

import (
	"bytes"
	"regexp"
	"strings"
)

// A goal's full text is said twice in a plan: where the plan first names
// it, and in its Goals section; everywhere else by its first words (cold
// read 9, finding 5: the same goal quoted in full five and six times, at a
// glance, in the milestones, the commitments, the focus and the goals).

// shortWords is how many of a goal's words its short form keeps.
const shortWords = 5

// ShortGoal is the short form of a goal's text: its first five words and an
// ellipsis, running on past a small word it would end on ("Write the
// two-page strategy for…" reads "… for the checkout…"); the text itself
// when it has no more than a word more.
func ShortGoal(text string) string {
	words := strings.Fields(text)
	k := shortWords
	for k < len(words) && smallWord[strings.ToLower(strings.TrimRight(words[k-1], ",;:"))] {
		k++
	}
	if len(words) <= k+1 {
		return text
	}
	return strings.TrimRight(strings.Join(words[:k], " "), ",;:") + "…"
}

// smallWord are the words a short form does not end on: it would read cut
// off mid-thought.
var smallWord = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "for": true,
	"with": true, "in": true, "on": true, "at": true, "by": true, "from": true, "into": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "your": true, "my": true,
	"through": true, "as": true, "than": true, "that": true,
}

// OnceInFull rewrites a rendered plan so that each of its open goals is
// quoted in full only where it is first named and in the Goals section:
// later quotations become the short form, a focus action that is the goal
// itself reads "Your goal" with the short form, and the sections after the
// Goals section (the progress) use the short form.
func (pl *Plan) OnceInFull(body []byte) []byte {
	out := string(body)
	goalsAt := strings.Index(out, "\n## Goals\n")
	if goalsAt < 0 {
		goalsAt = len(out)
	}
	head, tail := out[:goalsAt], out[goalsAt:]
	for _, g := range pl.Goals {
		short := ShortGoal(g.Text)
		if short == g.Text {
			continue
		}
		quoted := `"` + g.Text + `"`
		first := strings.Index(head, g.Text)
		if first < 0 {
			continue
		}
		// The first naming, quoted or the action itself, stays in full.
		keep := first + len(g.Text)
		rest := head[keep:]
		rest = strings.ReplaceAll(rest, quoted, `"`+short+`"`)
		action := regexp.MustCompile(`(?m)^(\d+\. )` + regexp.QuoteMeta(g.Text))
		rest = action.ReplaceAllString(rest, `${1}Your goal "`+strings.ReplaceAll(short, "$", "$$")+`"`)
		head = head[:keep] + rest
		// After the Goals section, the goal is already in full above it.
		if i := strings.Index(tail, "\n## Goals\n"); i >= 0 {
			if j := strings.Index(tail[i+1:], "\n## "); j >= 0 {
				k := i + 1 + j
				tail = tail[:k] + strings.ReplaceAll(tail[k:], g.Text, short)
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(head)
	b.WriteString(tail)
	return b.Bytes()
}
