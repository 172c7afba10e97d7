package extract

import "testing"

// TestArena checks that slices carved from an arena do not overwrite one
// another, also when one outgrows the buffer.
func TestArena(t *testing.T) {
	a := arena[int]{}
	a.reserve(4)
	x := a.next()
	x = append(x, 1, 2)
	x = a.keep(x)
	y := a.next()
	y = append(y, 3, 4, 5) // outgrows the two places left: moved
	y = a.keep(y)
	z := a.next()
	z = append(z, 6, 7)
	z = a.keep(z)
	x = append(x, 99) // a kept slice has no spare capacity: copied, not written over y
	if x[0] != 1 || x[1] != 2 || y[0] != 3 || y[2] != 5 || z[0] != 6 || z[1] != 7 || a.buf[2] != 6 {
		t.Errorf("x %v y %v z %v buf %v", x, y, z, a.buf)
	}
}
