"""Chapter 1 mistake catalogue: each variant is the reference with exactly one common mistake.

Most are one edit of the reference (`Catalogue.edit`); the variants of `Greeter` that rewrite the
class are written out.  They use only NumPy, Matplotlib and the chapter's reference functions.
"""
from autograder.catalogue import Catalogue

catalogue = Catalogue("ch01")

# --- sign (1.2.3) -------------------------------------------------------------------------------
catalogue.edit("sign", "zero_is_positive", ("if x > 0:", "if x >= 0:"))
catalogue.edit("sign", "zero_is_negative", ("elif x < 0:", "elif x <= 0:"))


# --- Greeter (1.2.3) ----------------------------------------------------------------------------
@catalogue.variant("Greeter", "prints_instead_of_returning")
class GreeterPrints:
    def __init__(self, name):
        self.name = name

    def greet(self, loud=False):
        if loud:
            print('HELLO, %s!' % self.name.upper())
        else:
            print('Hello, %s!' % self.name)


catalogue.edit("Greeter", "loud_upper_cases_only_the_name",
               ("greeting = greeting.upper()", "greeting = 'Hello, %s!' % self.name.upper()"))
catalogue.edit("Greeter", "lowercase_hello_without_exclamation", ("'Hello, %s!'", "'hello, %s'"))


@catalogue.variant("Greeter", "name_is_a_class_attribute")
class GreeterSharedName:
    name = ''

    def __init__(self, name):
        type(self).name = name    # one name for every Greeter: the last one created

    def greet(self, loud=False):
        greeting = 'Hello, %s!' % self.name
        if loud:
            greeting = greeting.upper()
        return greeting


# --- sigmoid, sigmoid_derivative (1.2.4) --------------------------------------------------------
catalogue.edit("sigmoid", "exp_of_plus_x", ("np.exp(-x)", "np.exp(x)"))
catalogue.edit("sigmoid", "missing_one_plus", ("1 / (1 + np.exp(-x))", "1 / np.exp(-x)"))
catalogue.edit("sigmoid", "minus_in_denominator", ("1 / (1 + np.exp(-x))", "1 / (1 - np.exp(-x))"))

catalogue.edit("sigmoid_derivative", "returns_s", ("ds = s * (1 - s)", "ds = s"))
catalogue.edit("sigmoid_derivative", "formula_applied_to_x", ("ds = s * (1 - s)", "ds = x * (1 - x)"))
catalogue.edit("sigmoid_derivative", "tanh_derivative", ("ds = s * (1 - s)", "ds = 1 - s ** 2"))

# --- image2vector -------------------------------------------------------------------------------
catalogue.edit("image2vector", "fortran_order", ("image.shape[2], 1)", "image.shape[2], 1, order='F')"))
catalogue.edit("image2vector", "row_vector",
               ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)",
                "image.reshape(1, image.shape[0] * image.shape[1] * image.shape[2])"))
catalogue.edit("image2vector", "flat_vector",
               ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)", "image.reshape(-1)"))

# --- normalize_rows -----------------------------------------------------------------------------
catalogue.edit("normalize_rows", "l1_norm", ("np.linalg.norm(x, axis=1,", "np.linalg.norm(x, ord=1, axis=1,"))
catalogue.edit("normalize_rows", "over_columns", ("axis=1", "axis=0"))
catalogue.edit("normalize_rows", "squared_norm",
               ("np.linalg.norm(x, axis=1, keepdims=True)", "np.sum(x ** 2, axis=1, keepdims=True)"))

# --- l1_loss, l2_loss ---------------------------------------------------------------------------
catalogue.edit("l1_loss", "averaged", ("np.sum(", "np.mean("))
catalogue.edit("l1_loss", "abs_of_the_sum", ("np.sum(np.abs(y - yhat))", "np.abs(np.sum(y - yhat))"))
catalogue.edit("l1_loss", "squared", ("np.sum(np.abs(y - yhat))", "np.sum((y - yhat) ** 2)"))

catalogue.edit("l2_loss", "averaged", ("np.sum(", "np.mean("))
catalogue.edit("l2_loss", "square_of_the_sum", ("np.sum((y - yhat) ** 2)", "np.sum(y - yhat) ** 2"))
catalogue.edit("l2_loss", "euclidean_norm", ("np.sum((y - yhat) ** 2)", "np.sqrt(np.sum((y - yhat) ** 2))"))

# --- plot_sin_cos (1.2.5) -----------------------------------------------------------------------
catalogue.edit("plot_sin_cos", "sin_and_cos_swapped",
               ("np.sin(x), label='sin'", "np.cos(x), label='sin'"), ("np.cos(x), label='cos'", "np.sin(x), label='cos'"))
catalogue.edit("plot_sin_cos", "degrees_instead_of_radians",
               ("np.sin(x)", "np.sin(np.degrees(x))"), ("np.cos(x)", "np.cos(np.degrees(x))"))
catalogue.edit("plot_sin_cos", "missing_legend", ("    ax.legend()\n", ""))
catalogue.edit("plot_sin_cos", "returns_plt_show", ("    return fig", "    return plt.show()"))
catalogue.edit("plot_sin_cos", "returns_the_axes", ("    return fig", "    return ax"))
catalogue.edit("plot_sin_cos", "plotted_against_the_index",
               ("ax.plot(x, np.sin(x)", "ax.plot(np.sin(x)"), ("ax.plot(x, np.cos(x)", "ax.plot(np.cos(x)"))
catalogue.edit("plot_sin_cos", "capitalised_labels", ("label='sin'", "label='Sine'"), ("label='cos'", "label='Cosine'"))
