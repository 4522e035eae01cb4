package workspace

// A pull request is reviewed by rules it must not write itself (see
// OpenDiff). The alert that opens a review's Markdown is written
// here, not by a template, so that no template can leave it out.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/templates"
)

// ReviewAlert is the alert that opens a review's Markdown, "" when there is
// nothing to warn of. Every value in it is escaped as a template's would be.
func ReviewAlert(r *plans.Review) string {
	// A value is cut short, so that a 200 KB name cannot push the rest of
	// the alert out of the comment.
	esc := func(s string) string { return templates.Escape(shorten(s, 300)) }
	keys := func(list []string) string {
		out := make([]string, len(list))
		for i, k := range list {
			out[i] = templates.Escape(shorten(k, 1000)) // an ssh-rsa key is about 750
		}
		return strings.Join(out, ", ")
	}
	var paras []string
	if rr := r.Rules; rr != nil && len(rr.Changed) > 0 {
		paras = append(paras, fmt.Sprintf("**This change edits the files coach reviews it by**: %s. "+
			"Read those changes line by line; this summary is written with %s, not the change's own.",
			esc(strings.Join(rr.Changed, ", ")), esc(rr.RenderedWith)))
	}
	if rr := r.Rules; rr != nil && (len(rr.RecipientsAdded) > 0 || len(rr.RecipientsRemoved) > 0) {
		var parts []string
		if len(rr.RecipientsAdded) > 0 {
			parts = append(parts, fmt.Sprintf("it adds %s to coach.toml's [private] recipients (a key that will read every private note encrypted after this merges: know whose it is)",
				keys(rr.RecipientsAdded)))
		}
		if len(rr.RecipientsRemoved) > 0 {
			parts = append(parts, fmt.Sprintf("it removes %s from them (which can still read every note written before)", keys(rr.RecipientsRemoved)))
		}
		paras = append(paras, "**This change alters who can read private notes**: "+strings.Join(parts, "; ")+".")
	}
	var notes []string
	for _, pr := range r.People {
		if pr.Notes == nil {
			continue
		}
		var by []string
		seen := map[string]bool{}
		for _, c := range pr.Notes.Commits {
			who := fmt.Sprintf("%s <%s>", c.Committer, c.CommitterEmail)
			if c.Author != c.Committer || c.AuthorEmail != c.CommitterEmail {
				who += fmt.Sprintf(" (author %s <%s>)", c.Author, c.AuthorEmail)
			}
			who += " in " + c.Commit[:7]
			if !seen[who] {
				seen[who] = true
				by = append(by, esc(who))
			}
		}
		if pr.Notes.Incomplete {
			by = append(by, "commits this clone does not have")
		}
		var parts []string
		if len(by) > 0 {
			parts = append(parts, "committed by "+strings.Join(by, ", "))
		}
		if pr.Notes.Uncommitted {
			parts = append(parts, "changed in the working tree, not committed yet")
		}
		line := fmt.Sprintf("%s (%s)", esc(pr.Name), esc(pr.ID))
		if len(parts) > 0 {
			line += ", " + strings.Join(parts, ", and ")
		}
		notes = append(notes, line)
	}
	if rr := r.Rules; rr != nil && len(rr.Code) > 0 {
		paras = append(paras, fmt.Sprintf("**This change edits files that run as code**: %s. Review them as code: the workflow runs in CI with this repository's token, and the hooks on the machine of everyone who set `core.hooksPath hooks`.",
			esc(strings.Join(rr.Code, ", "))))
	}
	if len(notes) > 0 {
		sort.Strings(notes)
		paras = append(paras, "**Private notes changed**: "+strings.Join(notes, "; ")+
			". Notes are encrypted to public keys, so anyone who can push can write them: make sure each committer is someone who may.")
	}
	if len(paras) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("> [!WARNING]\n")
	for i, p := range paras {
		if i > 0 {
			b.WriteString(">\n")
		}
		b.WriteString("> " + p + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// FitComment cuts a review's Markdown to at most limit bytes, at a line
// break, and ends it with a paragraph that says it was cut.
func FitComment(md []byte, limit int) []byte {
	if len(md) <= limit {
		return md
	}
	const cut = "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n"
	keep := max(0, limit-len(cut)-2)
	for keep > 0 && !utf8.RuneStart(md[keep]) {
		keep--
	}
	if i := bytes.LastIndexByte(md[:keep], '\n'); i > 0 {
		keep = i
	}
	out := append([]byte{}, bytes.TrimRight(md[:keep], "\n")...)
	if len(out) > 0 {
		out = append(out, "\n\n"...)
	}
	return append(out, cut...)
}

// shorten cuts s to at most n runes, ending in "…" when it was cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n-1; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
