package skills

import "testing"

// Issue 21: a file name with a line break injected workflow commands
// (::error::, ::add-mask::) through the stderr of plan --check and diff. A
// problem is one line, whatever its path and message hold.
func TestProblemStringEscapesWorkflowCommands(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"plain", Problem{Path: "skills/alice.toml", Line: 3, Col: 1, Message: "bad"}, "skills/alice.toml:3:1: bad"},
		{"a newline in the path", Problem{Path: "skills/x\n::error::pwned.toml", Message: "bad"}, "skills/x%0A::error::pwned.toml: bad"},
		{"a carriage return and a percent", Problem{Path: "skills/50%\r.toml", Message: "bad"}, "skills/50%25%0D.toml: bad"},
		{"a newline in the message and hint", Problem{Path: "a", Message: "x\n::warning::y", Hint: "z\r\n::add-mask::w"}, "a: x%0A::warning::y; z%0D%0A::add-mask::w"},
		{"a percent in a message stays", Problem{Path: "a", Message: "50% done"}, "a: 50% done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
