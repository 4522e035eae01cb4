package plans

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
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
	b.WriteString(quotedOnce(head + tail))
	return b.Bytes()
}

// longQuote is how long a quotation is, at least, to be a sentence of the
// person's notes rather than a name or a goal's short form.
const longQuote = 41

// quotations are the spans of the long quotations of a text, marks
// included: the double quotes of each line, paired in order.
func quotations(text string) [][2]int {
	var out [][2]int
	open := -1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			open = -1
		case '"':
			if open < 0 {
				open = i
				continue
			}
			if utf8.RuneCountInString(text[open+1:i]) >= longQuote {
				out = append(out, [2]int{open, i + 1})
			}
			open = -1
		}
	}
	return out
}

// quotedOnce rewrites a rendered plan so that no sentence is quoted twice
// (cold read 18, finding 13: one note quoted five times). A note is quoted
// once, where it matters most: under the focus skill it bears on when the
// plan has one, else under the strength it shows, else where the plan
// first quotes it. Elsewhere the plan
// refers to it by its date alone: a quotation in brackets after it, or one
// that ends a clause after a colon, is dropped ("what the note of
// 2026-11-12 says"). A quotation inside another
// (a part of the same note) counts as the same note.
func quotedOnce(out string) string {
	type quote struct{ at, end int }
	var quotes []quote
	for _, m := range quotations(out) {
		quotes = append(quotes, quote{m[0], m[1]})
	}
	// The focus section's quotations come first, then the strengths' (a
	// strength is what its example shows), then the others in the plan's
	// order.
	section := func(title string) (int, int) {
		at := strings.Index(out, "\n## "+title+"\n")
		if at < 0 {
			return -1, -1
		}
		if j := strings.Index(out[at+1:], "\n## "); j >= 0 {
			return at, at + 1 + j
		}
		return at, len(out)
	}
	focusAt, focusEnd := section("Focus skills")
	strAt, strEnd := section("Strengths")
	in := func(q quote, at, end int) bool { return at >= 0 && q.at > at && q.end < end }
	order := make([]quote, 0, len(quotes))
	for _, q := range quotes {
		if in(q, focusAt, focusEnd) {
			order = append(order, q)
		}
	}
	for _, q := range quotes {
		if in(q, strAt, strEnd) && !in(q, focusAt, focusEnd) {
			order = append(order, q)
		}
	}
	for _, q := range quotes {
		if !in(q, focusAt, focusEnd) && !in(q, strAt, strEnd) {
			order = append(order, q)
		}
	}
	same := func(a, b string) bool {
		a, b = strings.TrimSuffix(a, "…"), strings.TrimSuffix(b, "…")
		return strings.Contains(a, b) || strings.Contains(b, a)
	}
	var kept []string
	drop := map[int]bool{}
	for _, q := range order {
		text := out[q.at+1 : q.end-1]
		if slices.ContainsFunc(kept, func(k string) bool { return same(k, text) }) {
			switch {
			case q.at >= 2 && out[q.at-2:q.at] == " (" && q.end < len(out) && out[q.end] == ')':
				drop[q.at] = true
			case q.at >= 2 && out[q.at-2:q.at] == ": " && q.end < len(out) && strings.ContainsRune(".;\n", rune(out[q.end])):
				// The quotation ends the clause: the clause ends before it.
				drop[q.at] = true
			}
			continue
		}
		kept = append(kept, text)
	}
	var b strings.Builder
	last := 0
	for _, q := range quotes {
		if !drop[q.at] {
			continue
		}
		b.WriteString(out[last : q.at-2])
		last = q.end
		if out[q.at-2] == ' ' {
			last++ // the closing bracket
		}
	}
	b.WriteString(out[last:])
	return b.String()
}
