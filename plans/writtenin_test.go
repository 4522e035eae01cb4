package plans

import (
	"slices"
	"testing"
)

// A trial found that `coach agenda --force` erased the notes of a 1:1: what
// someone wrote in an agenda is named, so that --force keeps it.
func TestWrittenIn(t *testing.T) {
	fresh := "## Your topics\n\n- [ ] (your topic)\n\n## Onboarding\n\n- [ ] Day 30: meet the team\n\n## Notes\n\n## Action items\n\n- [ ] (action, owner, date)\n- [ ] Book the offsite (since 2026-W47)\n"
	tests := []struct {
		name, old string
		want      []string
	}{
		{"as coach wrote it", fresh, nil},
		{"a line of notes", "## Notes\n\nShe wants the London role.\n\n## Action items\n\n- [ ] (action, owner, date)\n", []string{"1 line of notes"}},
		{"a carried item ticked", "## Action items\n\n- [x] Book the offsite (since 2026-W47)\n", []string{"1 item ticked"}},
		{"a checklist item ticked", "## Onboarding\n\n- [x] Day 30: meet the team\n", []string{"1 item ticked"}},
		{"an action filled in", "## Action items\n\n- [ ] Send the brief, Ben, Friday\n- [ ] (action, owner, date)\n", []string{"1 item written in"}},
		{"a topic", "## Your topics\n\n- [ ] The reorg\n- [ ] Pay\n", []string{"2 items written in"}},
		{"all of it", "## Your topics\n\n- [x] The reorg\n\n## Notes\n\nOne.\nTwo.\n\n## Action items\n\n- [ ] Call Sales\n", []string{"2 lines of notes", "1 item ticked", "1 item written in"}},
	}
	w := Week{Year: 2026, Num: 48}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WrittenIn(ReadAgenda(w, []byte(tt.old)), ReadAgenda(w, []byte(fresh)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("WrittenIn = %q, want %q", got, tt.want)
			}
		})
	}
}
