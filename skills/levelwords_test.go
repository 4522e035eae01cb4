package skills

import "testing"

// A level is named in a sentence by its value and its name, but once when
// the name is only its number (issue 26: an imported framework's levels
// read "2 Level 2").
func TestLevelWords(t *testing.T) {
	tests := []struct {
		value int
		name  string
		want  string
	}{
		{3, "Proficient", "3 Proficient"},
		{2, "Level 2", "level 2"},
		{2, "level 2", "level 2"},
		{2, " LEVEL  2 ", "level 2"},
		{2, "Level2", "level 2"},
		{2, "2", "level 2"},
		{2, "", "level 2"},
		{12, "Level 12", "level 12"},
		// A name that says something besides the number is kept.
		{2, "Level 3", "2 Level 3"},
		{2, "Level 2 (Practitioner)", "2 Level 2 (Practitioner)"},
		{2, "Levelled", "2 Levelled"},
		{1, "Level 10", "1 Level 10"},
		{0, "not assessed", "0 not assessed"},
	}
	for _, tt := range tests {
		if got := LevelWords(tt.value, tt.name); got != tt.want {
			t.Errorf("LevelWords(%d, %q) = %q, want %q", tt.value, tt.name, got, tt.want)
		}
	}
}
