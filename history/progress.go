package history

import "encoding/binary"

// estimateCommits counts the commits stored whole in the pack files, from
// the type in each entry's header: an estimate of the history's length (it
// counts commits that HEAD does not reach, and misses loose ones), for the
// progress display only.
func (s *packSet) estimateCommits() int {
	n := 0
	packs, _ := s.get()
	for _, p := range packs {
		for _, offs := range p.idx.Offset32 {
			for i := 0; i+4 <= len(offs); i += 4 {
				off := uint64(binary.BigEndian.Uint32(offs[i:]))
				if off&(1<<31) != 0 {
					j := 8 * (off &^ (1 << 31))
					if j+8 > uint64(len(p.idx.Offset64)) {
						continue
					}
					off = binary.BigEndian.Uint64(p.idx.Offset64[j:])
				}
				if off < uint64(len(p.data)) && (p.data[off]>>4)&7 == 1 {
					n++
				}
			}
		}
	}
	return n
}
