def f(
    x = ((((
	"é\
