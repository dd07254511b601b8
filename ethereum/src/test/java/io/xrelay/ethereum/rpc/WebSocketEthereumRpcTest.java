package io.xrelay.ethereum.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.substrate.client.RpcException;
import org.junit.jupiter.api.Test;

/** How transport failures become typed Ethereum errors, retryable as over HTTP. */
class WebSocketEthereumRpcTest {

  @Test
  void shouldKeepConnectionAndTimeoutFailuresRetryable() {
    final EthereumRpcException cut =
        WebSocketEthereumRpc.translate(
            "eth_blockNumber",
            new RpcException(RpcException.Kind.CONNECTION, "eth_blockNumber", "closed"));
    assertThat(cut.kind()).isEqualTo(EthereumRpcException.Kind.CONNECTION);
    assertThat(cut.retryable()).isTrue();
    final EthereumRpcException slow =
        WebSocketEthereumRpc.translate(
            "eth_getLogs", new RpcException(RpcException.Kind.TIMEOUT, "eth_getLogs", "late"));
    assertThat(slow.kind()).isEqualTo(EthereumRpcException.Kind.TIMEOUT);
    assertThat(slow.retryable()).isTrue();
  }

  @Test
  void shouldClassifyARevertWithItsDataAndNotRetryIt() {
    final EthereumRpcException reverted =
        WebSocketEthereumRpc.translate(
            "eth_call",
            new RpcException(
                RpcException.Kind.RPC_ERROR,
                "eth_call",
                3,
                "execution reverted: custom error (0x08c379a0ab)"));
    assertThat(reverted.kind()).isEqualTo(EthereumRpcException.Kind.EXECUTION_REVERTED);
    assertThat(reverted.revertData())
        .hasValueSatisfying(data -> assertThat(data).containsExactly(0x08, 0xc3, 0x79, 0xa0, 0xab));
    assertThat(reverted.retryable()).isFalse();
    assertThat(reverted.getMessage()).startsWith("eth_call: execution reverted");
  }

  @Test
  void shouldRetryOnlyServerSideRpcErrors() {
    final EthereumRpcException internal =
        WebSocketEthereumRpc.translate(
            "eth_getLogs",
            new RpcException(RpcException.Kind.RPC_ERROR, "eth_getLogs", -32603, "internal"));
    assertThat(internal.kind()).isEqualTo(EthereumRpcException.Kind.RPC_ERROR);
    assertThat(internal.retryable()).isTrue();
    final EthereumRpcException invalid =
        WebSocketEthereumRpc.translate(
            "eth_getLogs",
            new RpcException(RpcException.Kind.RPC_ERROR, "eth_getLogs", -32602, "bad params"));
    assertThat(invalid.retryable()).isFalse();
    assertThat(invalid.code()).isEqualTo(-32602);
  }

  @Test
  void shouldNotRetryAClosedClient() {
    final EthereumRpcException closed =
        WebSocketEthereumRpc.translate(
            "eth_chainId", new RpcException(RpcException.Kind.CLOSED, "eth_chainId", "closed"));
    assertThat(closed.kind()).isEqualTo(EthereumRpcException.Kind.CLOSED);
    assertThat(closed.retryable()).isFalse();
  }
}
