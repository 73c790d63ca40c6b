"""Chapter 2 (PyTorch): common mistakes, each the reference with exactly one thing wrong."""
import torch
import torch.nn as nn

from autograder.catalogue import Catalogue

catalogue = Catalogue("ch02")


# --- tensor_ops ------------------------------------------------------------------------------

@catalogue.variant("tensor_ops", "elementwise_for_matmul")
def tensor_ops_elementwise_for_matmul(a, b):
    return a + b, a * b, a * b.T          # `*` where `@` is meant


@catalogue.variant("tensor_ops", "matmul_without_transpose")
def tensor_ops_matmul_without_transpose(a, b):
    return a + b, a * b, a @ b            # forgot .T


@catalogue.variant("tensor_ops", "products_swapped")
def tensor_ops_products_swapped(a, b):
    return a + b, a @ b.T, a * b          # element-wise and matrix product in each other's place


# --- numpy_bridge ----------------------------------------------------------------------------

catalogue.edit("numpy_bridge", "copies_with_torch_tensor",
               ('torch.from_numpy(x)  # shares memory; torch.tensor(x) would copy', 'torch.tensor(x)'))


catalogue.edit("numpy_bridge", "float_tensor_constructor",
               ('torch.from_numpy(x)  # shares memory; torch.tensor(x) would copy', 'torch.Tensor(x)'))


# --- mean_grad -------------------------------------------------------------------------------

catalogue.edit("mean_grad", "sum_instead_of_mean", ('    z = (x + y).mean()', '    z = (x + y).sum()'))


catalogue.edit("mean_grad", "backward_twice",
               ('    z = (x + y).mean()', '    z = (x + y).mean()\n    z.backward(retain_graph=True)'))


catalogue.edit("mean_grad", "mean_over_one_axis", ('    z = (x + y).mean()', '    z = (x + y).mean(dim=1).sum()'))


# --- vector_backward -------------------------------------------------------------------------

catalogue.edit("vector_backward", "mean_then_backward",
               ('z.backward(torch.ones_like(z))   # z is a tensor: pass dL/dz = 1 for every element', 'z.mean().backward()'))


catalogue.edit("vector_backward", "gradient_is_z",
               ('torch.ones_like(z))   # z is a tensor: pass dL/dz = 1 for every element', 'z.detach())'))


catalogue.edit("vector_backward", "grads_swapped", ('x.grad, y.grad', 'y.grad, x.grad'))


# --- no_grad_double --------------------------------------------------------------------------

catalogue.edit("no_grad_double", "outside_no_grad", ('    with torch.no_grad():\n        y = 2 * x', '    y = 2 * x'))


catalogue.edit("no_grad_double", "in_place_on_input",
               ('y = 2 * x', "x.mul_(2)                         # changes the caller's tensor"),
               ('return y', 'return x'))


catalogue.edit("no_grad_double", "squares_input", ('y = 2 * x', 'y = x * x'))


# --- LinearRegression ------------------------------------------------------------------------

@catalogue.variant("LinearRegression", "no_bias")
class LinearRegressionNoBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1, bias=False)

    def forward(self, x):
        return self.fc(x)


@catalogue.variant("LinearRegression", "forward_returns_input")
class LinearRegressionForwardReturnsInput(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)

    def forward(self, x):
        out = self.fc(x)  # noqa: F841 - computed, then the input is returned instead
        return x


@catalogue.variant("LinearRegression", "relu_after_fc")
class LinearRegressionReluAfterFc(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)

    def forward(self, x):
        return torch.relu(self.fc(x))     # a regression output must not be clipped at 0


# --- train_linear_regression -----------------------------------------------------------------

catalogue.edit("train_linear_regression", "no_zero_grad",
               ('        optimizer.zero_grad()          # clear the gradients of the previous epoch', ''))


catalogue.edit("train_linear_regression", "no_optimizer_step",
               ('        optimizer.step()               # update w and b', ''))


catalogue.edit("train_linear_regression", "sum_reduction",
               ('criterion = nn.MSELoss()', 'criterion = nn.MSELoss(reduction="sum")'))


catalogue.edit("train_linear_regression", "ignores_lr_argument",
               ('optimizer = optim.SGD(model.parameters(), lr=lr)', 'optimizer = optim.SGD(model.parameters(), lr=0.01)'))