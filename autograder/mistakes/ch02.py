"""Chapter 2 (PyTorch): common mistakes, each the reference with exactly one thing wrong."""
import torch
import torch.nn as nn
import torch.optim as optim

from autograder.catalogue import Catalogue
from solutions.ch02 import LinearRegression

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

@catalogue.variant("numpy_bridge", "copies_with_torch_tensor")
def numpy_bridge_copies_with_torch_tensor(x):
    return torch.tensor(x)                # a copy: changing x no longer changes the tensor


@catalogue.variant("numpy_bridge", "float_tensor_constructor")
def numpy_bridge_float_tensor_constructor(x):
    return torch.Tensor(x)                # the float32 constructor: copies and changes the dtype


# --- mean_grad -------------------------------------------------------------------------------

@catalogue.variant("mean_grad", "sum_instead_of_mean")
def mean_grad_sum_instead_of_mean(x, y):
    z = (x + y).sum()
    z.backward()
    return x.grad, y.grad


@catalogue.variant("mean_grad", "backward_twice")
def mean_grad_backward_twice(x, y):
    z = (x + y).mean()
    z.backward(retain_graph=True)
    z.backward()                          # gradients accumulate: twice the right value
    return x.grad, y.grad


@catalogue.variant("mean_grad", "mean_over_one_axis")
def mean_grad_mean_over_one_axis(x, y):
    z = (x + y).mean(dim=1).sum()         # the mean of each row, summed: divides by the columns only
    z.backward()
    return x.grad, y.grad


# --- vector_backward -------------------------------------------------------------------------

@catalogue.variant("vector_backward", "mean_then_backward")
def vector_backward_mean_then_backward(x, y):
    z = 2 * x + 3 * y
    z.mean().backward()                   # made z a scalar instead of passing torch.ones_like(z)
    return x.grad, y.grad


@catalogue.variant("vector_backward", "gradient_is_z")
def vector_backward_gradient_is_z(x, y):
    z = 2 * x + 3 * y
    z.backward(z.detach())                # the gradient argument must be ones, not z
    return x.grad, y.grad


@catalogue.variant("vector_backward", "grads_swapped")
def vector_backward_grads_swapped(x, y):
    z = 2 * x + 3 * y
    z.backward(torch.ones_like(z))
    return y.grad, x.grad


# --- no_grad_double --------------------------------------------------------------------------

@catalogue.variant("no_grad_double", "outside_no_grad")
def no_grad_double_outside_no_grad(x):
    y = 2 * x                             # computed with autograd on: y.requires_grad is True
    return y


@catalogue.variant("no_grad_double", "in_place_on_input")
def no_grad_double_in_place_on_input(x):
    with torch.no_grad():
        x.mul_(2)                         # changes the caller's tensor
    return x


@catalogue.variant("no_grad_double", "squares_input")
def no_grad_double_squares_input(x):
    with torch.no_grad():
        y = x * x
    return y


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

@catalogue.variant("train_linear_regression", "no_zero_grad")
def train_linear_regression_no_zero_grad(x, y, epochs=1000, lr=5e-3):
    model = LinearRegression()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        out = model(x)
        loss = criterion(out, y)
        loss.backward()                   # gradients of every epoch accumulate in .grad
        optimizer.step()
        losses.append(loss.item())
    return model, losses


@catalogue.variant("train_linear_regression", "no_optimizer_step")
def train_linear_regression_no_optimizer_step(x, y, epochs=1000, lr=5e-3):
    model = LinearRegression()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        out = model(x)
        loss = criterion(out, y)
        optimizer.zero_grad()
        loss.backward()                   # never optimizer.step(): w and b never change
        losses.append(loss.item())
    return model, losses


@catalogue.variant("train_linear_regression", "sum_reduction")
def train_linear_regression_sum_reduction(x, y, epochs=1000, lr=5e-3):
    model = LinearRegression()
    criterion = nn.MSELoss(reduction="sum")   # the squared errors summed, not averaged
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        out = model(x)
        loss = criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


@catalogue.variant("train_linear_regression", "ignores_lr_argument")
def train_linear_regression_ignores_lr_argument(x, y, epochs=1000, lr=5e-3):
    model = LinearRegression()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01)   # copied from 2.5.2 instead of using lr
    losses = []
    for epoch in range(epochs):
        out = model(x)
        loss = criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses
